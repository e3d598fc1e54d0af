package io.ddbgitops.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GlobTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "shop-orders, shop-orders, true",
            "shop-orders, shop-order, false",
            "shop-orders, shop-orders2, false",
            "shop-*, shop-orders, true",
            "shop-*, shop-, true",
            "shop-*, shop, false",
            "shop-*, Shop-orders, false",
            "shop-*, billing-shop-orders, false",
            "*-orders, shop-orders, true",
            "*-orders, shop-orders-archive, false",
            "*, anything.at_all-1, true",
            "**, abc, true",
            "shop-??, shop-eu, true",
            "shop-??, shop-e, false",
            "shop-??, shop-eu1, false",
            "?hop, shop, true",
            "a*b*c, abc, true",
            "a*b*c, aXXbYYc, true",
            "a*b*c, aXXcYYb, false",
            "a*ab, aaab, true",
            "a*ab, aaaba, false",
            "*a, ba, true",
            "*.v2, orders.v2, true",
            "*.v2, ordersXv2, false",
            "teams/shop/*, teams/shop/orders.yaml, true",
            "teams/shop/*, teams/shop/eu/orders.yaml, true",
            "teams/shop/*, teams/shopping/orders.yaml, false",
            "teams/*/shop.yaml, teams/a/b/shop.yaml, true",
    })
    void matchesAsDocumented(String pattern, String name, boolean expected) {
        assertThat(new Glob(pattern).matches(name)).isEqualTo(expected);
    }

    @Test
    void anEmptyPatternMatchesOnlyTheEmptyName() {
        assertThat(new Glob("").matches("")).isTrue();
        assertThat(new Glob("").matches("a")).isFalse();
        assertThat(new Glob("*").matches("")).isTrue();
        assertThat(new Glob("?").matches("")).isFalse();
    }

    @Test
    void aPatternOfManyStarsAgainstALongNameThatFailsLateStillAnswers() {
        // a regex translation backtracks exponentially here; this matcher only returns to the last star
        String name = "a".repeat(255);
        String pattern = "*a".repeat(40) + "b";

        assertThat(new Glob(pattern).matches(name)).isFalse();
        assertThat(new Glob(pattern).matches(name + "b")).isTrue();
    }
}

package io.ddbgitops.manifest;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A region the given list lacks is a problem with the closest name; an empty list checks nothing. */
class KnownRegionsTest {
    private static final KnownRegions KNOWN = new KnownRegions(Set.of("us-east-1", "us-east-2", "eu-west-1"));

    @Test
    void suggestsTheClosestRegion() {
        assertThat(KNOWN.problem("us-eats-1")).hasValueSatisfying(p -> assertThat(p)
                .startsWith("\"us-eats-1\" is not an AWS region").contains("did you mean \"us-east-1\"?")
                .contains("--allow-unknown-region"));
        assertThat(KNOWN.problem("xx-new-9")).hasValueSatisfying(p -> assertThat(p).doesNotContain("did you mean"));
        assertThat(KNOWN.problem("eu-west-1")).isEmpty();
        assertThat(KnownRegions.ANY.problem("xx-new-9")).isEmpty();
    }
}

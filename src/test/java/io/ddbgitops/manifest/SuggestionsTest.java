package io.ddbgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> SPEC = List.of("region", "tablename", "pri_key_attributename",
            "pri_key_attributetype", "pitr", "readcapacityunits", "writecapacityunits", "optional_spec");

    @Test
    void suggestsTheClosestAllowedNameForATypo() {
        assertThat(Suggestions.closest("tabelname", SPEC)).contains("tablename");
        assertThat(Suggestions.closest("readcapacityunit", SPEC)).contains("readcapacityunits");
        assertThat(Suggestions.closest("Region", SPEC)).contains("region");
        assertThat(Suggestions.closest("optionalspec", SPEC)).contains("optional_spec");
        assertThat(Suggestions.closest("pri_key_attributname", SPEC)).contains("pri_key_attributename");
    }

    @Test
    void suggestsNothingForANameThatIsNotATypo() {
        assertThat(Suggestions.closest("owner", SPEC)).isEmpty();
        assertThat(Suggestions.closest("x".repeat(1000), SPEC)).isEmpty();
    }

    @Test
    void countsASwapOfNeighboursAsOneEdit() {
        assertThat(Suggestions.distance("pitr", "ptir")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}

package io.ddbgitops.git;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepoIdentityTest {
    @Test
    void aTokenInTheUrlNeverBecomesPartOfTheName() throws Exception {
        assertThat(RepoIdentity.of("https://x-access-token:ghp_secret@github.com/org/config.git/"))
                .isEqualTo("https://github.com/org/config");
        assertThat(RepoIdentity.of("https://github.com/org/config")).isEqualTo("https://github.com/org/config");
        assertThat(RepoIdentity.of("ssh://git@github.com/org/config.git")).isEqualTo("ssh://github.com/org/config");
        assertThat(RepoIdentity.of("git@github.com:org/config.git")).isEqualTo("git@github.com:org/config");
    }
}

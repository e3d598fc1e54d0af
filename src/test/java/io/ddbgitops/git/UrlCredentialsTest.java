package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCredentialsTest {
    @Test
    void splitsUserAndPasswordOffAnHttpsUrl() throws Exception {
        UrlCredentials split = UrlCredentials.split("https://alice:p%40ss@git.example.com/org/repo.git");

        assertThat(split.url()).isEqualTo("https://git.example.com/org/repo.git");
        assertThat(split.user()).contains("alice");
        assertThat(split.password()).contains("p@ss");
        assertThat(split.toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
    }

    @Test
    void takesQueryValuesAsSecretsToMask() throws Exception {
        UrlCredentials split = UrlCredentials.split("https://git.example.com/org/repo.git?private_token=glpat%2Dsecret99&x=1");

        assertThat(split.queryValues()).containsExactly("glpat%2Dsecret99", "glpat-secret99");
        assertThat(split.toString()).doesNotContain("secret99");
    }

    @Test
    void leavesSshUrlsAndPathsAlone() throws Exception {
        assertThat(UrlCredentials.split("ssh://git@host/repo.git").url()).isEqualTo("ssh://git@host/repo.git");
        assertThat(UrlCredentials.split("/srv/git/repo@2").url()).isEqualTo("/srv/git/repo@2");
    }
}

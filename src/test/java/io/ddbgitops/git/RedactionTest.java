package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void masksUserInfoOfHttpUrls() {
        assertThat(Redaction.stripCredentials("fetch https://user:pw@host/repo.git failed; also http://tok@h/x"))
                .isEqualTo("fetch https://***@host/repo.git failed; also http://***@h/x");
    }

    @Test
    void keepsAPlainSshUserButMasksAnSshPassword() {
        assertThat(Redaction.stripCredentials("ssh://git@host:22/repo")).isEqualTo("ssh://git@host:22/repo");
        assertThat(Redaction.stripCredentials("ssh://git:pw@host/repo")).isEqualTo("ssh://***@host/repo");
    }

    @Test
    void masksQueryAndFragmentValuesButKeepsTheirNames() {
        assertThat(Redaction.stripCredentials("cannot read https://host/repo.git?token=ghp_abc123&ref=main: denied"))
                .isEqualTo("cannot read https://host/repo.git?token=***&ref=***: denied");
        assertThat(Redaction.stripCredentials("https://u:p@host/r.git?ghp_bare#access_token=x"))
                .isEqualTo("https://***@host/r.git?***#access_token=***");
        assertThat(Redaction.stripCredentials("no url, a ? and a=b")).isEqualTo("no url, a ? and a=b");
    }

    @Test
    void masksKnownSecretsAnywhere() {
        assertThat(Redaction.mask("token abc123 rejected", List.of("abc123"))).isEqualTo("token *** rejected");
    }

    @Test
    void describesACauseChainOnOneLineWithoutRepeats() {
        Exception failure = new IllegalStateException("outer: inner\nsecond line", new RuntimeException("inner"));

        assertThat(Redaction.describe(failure, List.of())).isEqualTo("outer: inner; second line");
    }
}

package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void masksUserInfoOfHttpUrls() {
        assertThat(Redaction.stripUserInfo("fetch https://user:pw@host/repo.git failed; also http://tok@h/x"))
                .isEqualTo("fetch https://***@host/repo.git failed; also http://***@h/x");
    }

    @Test
    void keepsAPlainSshUserButMasksAnSshPassword() {
        assertThat(Redaction.stripUserInfo("ssh://git@host:22/repo")).isEqualTo("ssh://git@host:22/repo");
        assertThat(Redaction.stripUserInfo("ssh://git:pw@host/repo")).isEqualTo("ssh://***@host/repo");
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

package io.ddbgitops.reconcile;

import io.ddbgitops.config.Quotas;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.plan.PlanSettings;
import io.ddbgitops.plan.RateRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunRequestTest {
    private static RunRequest request(Optional<Integer> commandLine, boolean waitForLongWork) {
        return new RunRequest(RunRequest.Mode.APPLY, "repo", Optional.empty(), true, Optional.empty(), Instant.EPOCH,
                GitAuth.none(), CommitAuthor.defaults(), false, commandLine, waitForLongWork);
    }

    @Test
    void theDecreaseQuotaComesFromTheCommandLineElseTheRepositoryConfigElseAws() {
        assertThat(request(Optional.of(40), false).settings(new Quotas(30)))
                .isEqualTo(new PlanSettings(40, false));
        assertThat(request(Optional.empty(), true).settings(new Quotas(30)))
                .isEqualTo(new PlanSettings(30, true));
        assertThat(request(Optional.empty(), false).settings(Quotas.awsDefaults()).throughputDecreasesPerDay())
                .isEqualTo(RateRules.DEFAULT_DECREASES_PER_DAY).isEqualTo(27);
    }

    @Test
    void byDefaultARunDoesNotWaitForLongWork() {
        RunRequest plain = new RunRequest(RunRequest.Mode.PLAN, "repo", Optional.empty(), false, Optional.empty(),
                Instant.EPOCH, GitAuth.none(), CommitAuthor.defaults());

        assertThat(plain.waitForLongWork()).isFalse();
        assertThat(plain.throughputDecreasesPerDay()).isEmpty();
    }
}

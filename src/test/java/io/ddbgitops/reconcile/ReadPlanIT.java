package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.manifest.ManifestLoader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts the calls a run makes per operation, for N in-sync tables and for N new ones. */
class ReadPlanIT extends EndpointPerTest {
    private static final int N = 6;

    private RunResult run(ConfigRepo repo, RunRequest.Mode mode) throws Exception {
        recorder.clear();
        try (DynamoDbClients recording = new DynamoDbClients(
                AwsSettings.endpoint(endpoint.endpoint()).withInterceptor(recorder))) {
            return new Reconciler(new ManifestLoader(), recording).run(new RunRequest(mode, repo.url(),
                    Optional.empty(), mode == RunRequest.Mode.APPLY, Optional.empty(), Instant.now(), GitAuth.none(),
                    CommitAuthor.defaults()));
        }
    }

    private Map<String, Long> counts() {
        return new TreeMap<>(recorder.operations().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
    }

    private static Map<String, String> tables(int n) {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < n; i++) {
            files.put("t" + i + ".yaml", Manifests.table("t" + i, "us-east-1", "Table" + i, 5, 5, false));
        }
        return files;
    }

    @Test
    void callsPerTable() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("tables", tables(N));
        RunResult created = run(repo, RunRequest.Mode.APPLY);
        System.out.println("NEW " + counts());
        assertThat(created.exitCode()).as(created.markdown()).isZero();
        run(repo, RunRequest.Mode.PLAN);
        System.out.println("PLAN " + counts());
    }
}

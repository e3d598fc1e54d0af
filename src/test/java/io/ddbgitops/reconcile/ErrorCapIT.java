package io.ddbgitops.reconcile;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.git.CommitAuthor;
import io.ddbgitops.git.GitAuth;
import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.report.ReportJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12, finding 13, end to end: REPORT.md lists the first 200 validation errors and counts the rest. */
class ErrorCapIT {
    private static final int FILES = 3;
    private static final int DOCUMENTS_PER_FILE = 100;

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;
    private DynamoDbClients clients;
    private ConfigRepo repo;

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
        clients = new DynamoDbClients(AwsSettings.endpoint(endpoint.endpoint()));
        Map<String, String> files = new HashMap<>();
        for (int f = 0; f < FILES; f++) {
            StringBuilder yaml = new StringBuilder();
            for (int d = 0; d < DOCUMENTS_PER_FILE; d++) {
                String id = f + "x" + d;
                yaml.append("---\n{apiVersion: prsn.io/v1, kind: Dynamodb, metadata: {name: t").append(id)
                        .append(", namespace: it}, spec: {region: us-east-1, tablename: T").append(id)
                        .append(", pri_key_attributename: id, pri_key_attributetype: X}}\n");
            }
            files.put("manifests/broken-" + f + ".yaml", yaml.toString());
        }
        files.put("manifests/plain.yaml", Manifests.table("plain", "us-east-1", "Plain", 5, 5, false));
        repo = ConfigRepo.create(temp).commit("Many broken documents", files);
    }

    @AfterEach
    void stop() {
        repo.close();
        clients.close();
        endpoint.close();
    }

    @Test
    void listsTheFirst200ErrorsAndCountsTheRest() throws Exception {
        RunRequest request = new RunRequest(RunRequest.Mode.APPLY, repo.url(), Optional.empty(), true, Optional.empty(),
                Instant.parse("2026-11-21T12:00:00Z"), GitAuth.none(), CommitAuthor.defaults(), false);

        RunResult result = new Reconciler(new ManifestLoader(), clients).run(request);

        int total = result.report().errorsTotal();
        assertThat(total).isGreaterThanOrEqualTo(FILES * DOCUMENTS_PER_FILE);
        assertThat(result.report().summary().created()).isEqualTo(1);
        String md = repo.read(Reconciler.REPORT_MD).orElseThrow();
        assertThat(md.lines().filter(l -> l.startsWith("- `manifests/broken-")).count()).isEqualTo(200);
        assertThat(md).contains("- … and " + (total - 200) + " more errors, not listed here");
        assertThat(ReportJson.read(repo.read(Reconciler.REPORT_JSON).orElseThrow()).orElseThrow().errorsTotal())
                .isEqualTo(total);
    }
}

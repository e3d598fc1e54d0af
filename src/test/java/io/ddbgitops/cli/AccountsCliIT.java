package io.ddbgitops.cli;

import io.ddbgitops.local.LocalEndpoint;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * apply --local on a repository with an assume-role account: the terminal names each table's account beside its
 * region, and the in-process endpoint's STS and per-account state put the table in the role's account.
 */
class AccountsCliIT {
    @TempDir
    Path temp;

    private static String manifest(String name, String table, String optional) {
        return """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata: {name: %s, namespace: shop}
                spec:
                  region: us-east-1
                  tablename: %s
                  pri_key_attributename: id
                  pri_key_attributetype: S
                  optional_spec: {billing_mode: PAY_PER_REQUEST%s}
                """.formatted(name, table, optional);
    }

    @Test
    void applyPutsEachTableInItsAccountAndPrintsTheAccount() throws Exception {
        Path repo = temp.resolve("repo");
        PersonIdent person = new PersonIdent("Platform Team", "platform@example.com");
        try (Git git = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            Files.writeString(repo.resolve("ddb-gitops.yaml"), """
                    apiVersion: ddb-gitops/v1
                    kind: Config
                    accounts:
                      alpha: {account_id: "111111111111", role_arn: "arn:aws:iam::111111111111:role/ddb-gitops", external_id: "ext-alpha"}
                    """);
            Files.writeString(repo.resolve("alpha.yaml"), manifest("alpha", "alpha-orders", ", account: alpha"));
            Files.writeString(repo.resolve("plain.yaml"), manifest("plain", "plain-orders", ""));
            git.add().addFilepattern(".").call();
            git.commit().setMessage("a table in account alpha").setAuthor(person).setCommitter(person).setSign(false)
                    .call();
        }
        Path data = temp.resolve("data");

        CliRun run = CliRun.of("apply", "--local", "--data-dir", data.toString(), "--repo", repo.toString(),
                "--report-branch", "drift");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("alpha:us-east-1/alpha-orders  alpha.yaml (shop/alpha)")
                .contains("default:us-east-1/plain-orders  plain.yaml (shop/plain)")
                .doesNotContain("ext-alpha");
        assertThat(run.err()).doesNotContain("ext-alpha");
        try (LocalEndpoint endpoint = LocalEndpoint.start(0, Optional.of(data));
             DynamoDbClient alpha = client(endpoint, "111111111111");
             DynamoDbClient plain = client(endpoint, "AKIDPLAIN")) {
            assertThat(alpha.listTables().tableNames()).containsExactly("alpha-orders");
            // beside the run lease's lock table, which lives in the default account
            assertThat(plain.listTables().tableNames()).containsExactly("ddb-gitops-locks", "plain-orders");
        }
    }

    private static DynamoDbClient client(LocalEndpoint endpoint, String key) {
        return DynamoDbClient.builder().endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, "secret")))
                .build();
    }
}

package io.ddbgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ddbgitops.local.LocalEndpoint;
import io.ddbgitops.manifest.BadInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole hostile-input corpus committed to one git repository beside the valid manifests, applied through the
 * command line against a running local endpoint: exit 3, every case reported at its file and line, no stack
 * trace, and the valid manifests' tables made (and nothing of any bad case).
 */
class BadInputsCliIT {
    /**
     * Git cannot hold a named pipe, and committing 100 MB only to see the size check again would slow everyone's
     * build; BadInputCorpusTest covers these three against the loader.
     */
    private static final Set<String> NOT_IN_GIT = Set.of("named-pipe", "file-50mb", "scalar-50mb");

    @TempDir
    Path temp;

    private LocalEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        endpoint = LocalEndpoint.start(0, Optional.empty());
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void appliesTheValidManifestsAndReportsEveryBadInputAtItsPlace() throws Exception {
        Path work = temp.resolve("work");
        BadInputs.writeValid(work);
        List<String> cases = BadInputs.cases().stream().filter(name -> !NOT_IN_GIT.contains(name)).toList();
        for (String name : cases) {
            BadInputs.writeCase(name, work.resolve("cases"), temp.resolve("outside"));
        }
        String url = commitAndPush(work, temp.resolve("config.git"));

        CliRun run = CliRun.of("apply", "--repo", url, "--endpoint-url", endpoint.endpoint().toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
        for (String name : cases) {
            for (String expected : BadInputs.expected(name)) {
                // the command line prints a whole-file error without the "(document)" field
                String inRepo = "cases/" + name + "/" + expected.replace("(document): ", "")
                        .replace(" " + name + "/", " cases/" + name + "/");
                assertThat(run.out()).as(name).contains(inRepo);
            }
        }
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(tables("us-east-1")).containsExactlyInAnyOrder("CorpusOrders", "abc", "L".repeat(255),
                "CorpusUnicode");
        assertThat(tables("eu-west-1")).containsExactly("CorpusOrders");
    }

    @Test
    void validateReadsNoManifestsFolderThatLeadsOutOfTheRepository() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("elsewhere.yaml"), "apiVersion: prsn.io/v1\nkind: Dynamodb\n");
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Files.createSymbolicLink(repo.resolve("manifests"), outside);

        CliRun run = CliRun.of("validate", "--repo", repo.toString(), "--manifests", "manifests");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("error: --manifests manifests: leads outside the repository (a symlink?); "
                + "not read").doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("elsewhere.yaml");
        Files.delete(repo.resolve("manifests"));
    }

    /** The tables the manifests made (not the run lease's lock table). */
    private List<String> tables(String region) {
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(endpoint.endpoint())
                .region(Region.of(region)).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDTEST", "x"))).build()) {
            return client.listTables().tableNames().stream().filter(t -> !t.equals("ddb-gitops-locks")).toList();
        }
    }

    private static String commitAndPush(Path work, Path bare) throws Exception {
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (Git git = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Valid manifests beside the hostile-input corpus")
                    .setAuthor("Platform Team", "platform@example.com")
                    .setCommitter("Platform Team", "platform@example.com").setSign(false).call();
            git.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
            git.push().setRemote("origin").add("main").call();
        }
        assertThat(Files.isDirectory(bare)).isTrue();
        return bare.toUri().toString();
    }
}

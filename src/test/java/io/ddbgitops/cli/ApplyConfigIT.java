package io.ddbgitops.cli;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** apply on a repository whose ddb-gitops.yaml is broken: exit 3, the error printed, nothing created or pushed. */
class ApplyConfigIT {
    @TempDir
    Path temp;

    @Test
    void anInvalidConfigExitsThreeAndSaysWhyNothingWasPushed() throws Exception {
        Path repo = temp.resolve("repo");
        PersonIdent person = new PersonIdent("Platform Team", "platform@example.com");
        try (Git git = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            Files.writeString(repo.resolve("ddb-gitops.yaml"),
                    "apiVersion: ddb-gitops/v1\nkind: Config\npolicy:\n  namespaces:\n    shop: {tables: []}\n");
            Files.createDirectories(repo.resolve("teams/shop"));
            Files.writeString(repo.resolve("teams/shop/orders.yaml"), """
                    apiVersion: prsn.io/v1
                    kind: Dynamodb
                    metadata: {name: orders, namespace: shop}
                    spec: {region: us-east-1, tablename: shop-orders, pri_key_attributename: id, pri_key_attributetype: S}
                    """);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("a policy that allows nothing by mistake").setAuthor(person).setCommitter(person)
                    .setSign(false).call();
        }

        CliRun run = CliRun.of("apply", "--local", "--data-dir", temp.resolve("data").toString(), "--repo",
                repo.toString(), "--report-branch", "drift");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out())
                .contains("invalid    ddb-gitops.yaml:5:12: policy.namespaces.shop.tables: is empty; at least 1 entry "
                        + "is required")
                .contains("report: not pushed, because ddb-gitops.yaml is invalid")
                .doesNotContain("shop-orders");
        try (Git git = Git.open(repo.toFile())) {
            assertThat(git.getRepository().findRef("refs/heads/drift")).isNull();
        }
    }
}

package io.ddbgitops.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.ddbgitops.git.GitAuth;
import io.ddbgitops.git.JGitWorkspace;
import io.ddbgitops.manifest.LoadResult;
import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.manifest.TableManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifests read from a clone's git objects follow the rules of a directory on disk: the same manifests load, the
 * same files are skipped, and committed links (mode 120000) are reported by path and never followed; one that
 * leads to a folder of the commit, or out of the repository, counts as a link to a folder.
 */
class CommitSourceIT {
    @TempDir
    Path dir;

    @Test
    void loadsWhatADirectoryLoadsAndReportsLinksByPath() throws Exception {
        Path work = dir.resolve("work");
        write(work, "manifests/orders.yaml", manifest("orders", "Orders"));
        write(work, "manifests/deep/drift/kept.yaml", manifest("kept", "Kept"));
        write(work, "drift/report-copy.yaml", manifest("skipped", "Orders"));
        write(work, ".hidden/orders.yaml", manifest("hidden", "Orders"));
        write(work, "docs/README.md", "# docs\n");
        Files.createSymbolicLink(work.resolve("README.md"), Path.of("docs/README.md"));
        Files.createSymbolicLink(work.resolve("tables"), Path.of("manifests"));
        Files.createSymbolicLink(work.resolve("alias.yaml"), Path.of("manifests/orders.yaml"));
        Files.createSymbolicLink(work.resolve("elsewhere"), Path.of("../../outside"));
        String url = commitAndPush(work, dir.resolve("config.git"));

        LoadResult fromDisk = new ManifestLoader().load(work);
        LoadResult fromGit;
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(url, Optional.empty(), GitAuth.none())) {
            fromGit = new ManifestLoader().load(new CommitSource(workspace.files()));
        }

        assertThat(fromGit.manifests().stream().map(TableManifest::id))
                .containsExactly("default/kept", "default/orders");
        assertThat(fromGit.manifests()).isEqualTo(fromDisk.manifests());
        assertThat(fromGit.errors().stream().map(ManifestError::format)).containsExactly(
                "alias.yaml:1:1: (document): symlink, not followed; manifests are read only from regular files inside the repository",
                "elsewhere:1:1: (document): symlink, not followed; manifests are read only from regular files inside the repository",
                "tables:1:1: (document): symlink, not followed; manifests are read only from regular files inside the repository");
        assertThat(fromGit.skippedDocuments()).isZero();
    }

    private static String manifest(String name, String table) {
        return "apiVersion: prsn.io/v1\nkind: Dynamodb\nmetadata:\n  name: " + name + "\nspec:\n  region: us-east-1\n"
                + "  tablename: " + table + "\n  pri_key_attributename: id\n  pri_key_attributetype: S\n";
    }

    private static void write(Path root, String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String commitAndPush(Path work, Path bare) throws Exception {
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        try (Git git = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call()) {
            for (String path : List.of("manifests", "drift", ".hidden", "docs", "README.md", "tables", "alias.yaml",
                    "elsewhere")) {
                git.add().addFilepattern(path).call();
            }
            git.commit().setMessage("manifests and links").setAuthor("t", "t@localhost").setCommitter("t", "t@localhost")
                    .setSign(false).call();
            git.push().setRemote(bare.toString()).add("main").call();
        }
        return bare.toUri().toString();
    }
}

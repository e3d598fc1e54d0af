package io.ddbgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} of the most manifests a repository may hold (10,000, each with a sort key, tags and an index) in a
 * JVM of 64 MB heap: each document is validated and reduced to its small model before the next is parsed, so memory
 * does not grow with the parsed documents (keeping them all, as the loader once did, runs out of memory here). Two
 * of them claim the same table, so duplicate detection is shown to hold at this size too.
 */
class ValidateMemoryIT {
    private static final int MANIFESTS = 10_000;

    @TempDir
    Path dir;

    @Test
    void validatesTenThousandManifestsIn64MegabytesOfHeap() throws Exception {
        Path bare = repositoryWithManifests(dir.resolve("config.git"), MANIFESTS);

        CliProcess run = CliProcess.start(CliProcess.Launch.CLASSES, dir, dir.resolve("tmp"), Map.of(),
                List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), List.of("validate", "--repo", bare.toUri().toString()));
        int exit = run.waitFor(Duration.ofMinutes(3));

        assertThat(run.err()).doesNotContain("OutOfMemoryError");
        assertThat(exit).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).contains((MANIFESTS - 2) + " valid manifest(s), 2 invalid, 0 other document(s) skipped");
        assertThat(run.out()).contains("manifests/team-0/table-00000.yaml:7:3: spec.tablename: table us-east-1/Fleet-0 "
                + "is also declared in manifests/team-9/table-09999.yaml:1");
        assertThat(run.out()).contains("manifests/team-9/table-09999.yaml:7:3: spec.tablename: table us-east-1/Fleet-0 "
                + "is also declared in manifests/team-0/table-00000.yaml:1");
    }

    /** One commit built from objects (fast at this size); the last manifest declares the first one's table again. */
    static Path repositoryWithManifests(Path bare, int count) throws Exception {
        try (Git git = Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call();
             ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            Repository repo = git.getRepository();
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (int n = 0; n < count; n++) {
                int table = n == count - 1 ? 0 : n;
                String path = String.format("manifests/team-%d/table-%05d.yaml", n % 10, n);
                DirCacheEntry entry = new DirCacheEntry(path);
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, manifest(n, table).getBytes(StandardCharsets.UTF_8)));
                builder.add(entry);
            }
            builder.finish();
            PersonIdent who = new PersonIdent("Platform Team", "platform@example.com");
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage("ten thousand tables\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef(Constants.R_HEADS + "main");
            update.setNewObjectId(id);
            assertThat(update.update()).isEqualTo(RefUpdate.Result.NEW);
        }
        return bare;
    }

    private static String manifest(int n, int table) {
        return "apiVersion: prsn.io/v1\nkind: Dynamodb\nmetadata:\n  name: table-" + n + "\n  namespace: fleet\nspec:\n"
                + "  tablename: Fleet-" + table + "\n  region: us-east-1\n  pri_key_attributename: id\n"
                + "  pri_key_attributetype: S\n  pitr: \"true\"\n  readcapacityunits: 5\n  writecapacityunits: 5\n"
                + "  optional_spec:\n    sort_key_attributename: at\n    sort_key_attributetype: N\n"
                + "    tags:\n      team: fleet-" + (n % 10) + "\n      cost-centre: cc-" + n + "\n"
                + "    global_secondary_indexes:\n      - index_name: byOwner\n        pri_key_attributename: owner\n"
                + "        pri_key_attributetype: S\n        projection: ALL\n";
    }
}

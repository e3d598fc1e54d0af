package io.ddbgitops.git;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Where a pull request's branch forked from its base, as {@code git merge-base HEAD REF} finds it. A pull request is
 * compared with that commit, not with the base's tip: otherwise a branch that is behind {@code main} would show
 * every table other teams added since as removed by it. The clone is shallow, so history is fetched in growing
 * steps until both sides reach a common commit (a shallow boundary hides parents, it never invents them, so the
 * first common commit found is a real common ancestor).
 */
final class MergeBases {
    /** Commits of history per side to try, in order; 0 is the whole history. */
    private static final List<Integer> DEPTHS = List.of(50, 500, 5000, 0);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MergeBases.class);

    private MergeBases() {}

    static RevCommit find(Git git, Remote remote, String branch, String baseRef, RevCommit base) throws GitException {
        RevCommit target = base;
        for (int depth : DEPTHS) {
            Optional<RevCommit> found = mergeBase(git.getRepository(), target);
            if (found.isPresent()) {
                LOG.info("comparing with {}, where branch '{}' forked from '{}' (tip {})", found.get().name(), branch,
                        baseRef, target.name());
                return found.get();
            }
            deepenHead(git, remote, branch, depth);
            target = BaseRefs.fetch(git, remote, baseRef, depth);
        }
        return mergeBase(git.getRepository(), target).orElseThrow(() -> new GitException("Branch '" + branch
                + "' and base ref '" + baseRef + "' of " + remote.display() + " have no commit in common"));
    }

    private static Optional<RevCommit> mergeBase(Repository repo, RevCommit base) throws GitException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            ObjectId head = repo.resolve(Constants.HEAD);
            walk.markStart(walk.parseCommit(head));
            walk.markStart(walk.parseCommit(base));
            return Optional.ofNullable(walk.next());
        } catch (IOException e) {
            throw new GitException("Could not look for the merge base of HEAD and " + base.name() + ": " + e.getMessage());
        }
    }

    private static void deepenHead(Git git, Remote remote, String branch, int depth) throws GitException {
        try {
            var fetch = git.fetch().setRemote("origin").setTagOpt(TagOpt.NO_TAGS).setRefSpecs(new RefSpec(
                    "+" + Constants.R_HEADS + branch + ":" + Constants.R_REMOTES + "origin/" + branch));
            remote.configure(depth == 0 ? fetch.setUnshallow(true) : fetch.setDepth(depth)).call();
        } catch (GitAPIException | RuntimeException e) {
            throw remote.failure("Could not fetch more history of branch '" + branch + "' from " + remote.display(), e);
        }
    }
}

package io.ddbgitops.git;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Brings a pull request's base commit into the shallow clone, at depth 1 first; {@link MergeBases} asks for more
 * history when it needs to find where the branch forked. REF may be a branch ({@code main}), a remote-tracking name
 * ({@code origin/main}), a full ref, a tag, or a commit id (servers such as GitHub and GitLab serve those).
 */
final class BaseRefs {
    private static final Pattern COMMIT_ID = Pattern.compile("^[0-9a-fA-F]{7,40}$");
    private static final String LOCAL_REF = "refs/ddb-gitops/base";

    private BaseRefs() {}

    static RevCommit fetch(Git git, Remote remote, String baseRef) throws GitException {
        return fetch(git, remote, baseRef, 1);
    }

    /** Fetches {@code baseRef} with {@code depth} commits of history ({@code 0}: all of it). */
    static RevCommit fetch(Git git, Remote remote, String baseRef, int depth) throws GitException {
        String ref = baseRef.strip();
        if (ref.isEmpty()) {
            throw new GitException("The base ref is empty");
        }
        Optional<String> advertised = advertisedName(RemoteRefs.ofOrigin(git, remote), ref);
        if (advertised.isEmpty() && !COMMIT_ID.matcher(ref).matches()) {
            throw new GitException("Base ref '" + ref + "' is neither a branch, a tag nor a commit id of " + remote.display());
        }
        Optional<RevCommit> local = advertised.isEmpty() ? parse(git.getRepository(), ref) : Optional.empty();
        if (local.isPresent()) {
            return local.get();
        }
        String source = advertised.orElse(ref);
        try {
            var fetch = git.fetch().setRemote("origin").setTagOpt(TagOpt.NO_TAGS)
                    .setRefSpecs(new RefSpec("+" + source + ":" + LOCAL_REF));
            remote.configure(depth == 0 ? fetch.setUnshallow(true) : fetch.setDepth(depth)).call();
        } catch (GitAPIException | RuntimeException e) {
            throw remote.failure("Could not fetch base ref '" + ref + "' from " + remote.display(), e);
        }
        // fetched by commit id, JGit brings the objects but may leave the local ref unset
        Optional<RevCommit> fetched = parse(git.getRepository(), LOCAL_REF);
        return fetched.or(() -> advertised.isEmpty() ? parse(git.getRepository(), ref) : Optional.empty()).orElseThrow(() ->
                new GitException("Base ref '" + ref + "' of " + remote.display() + " is not a commit"));
    }

    /** The full name the remote advertises for {@code ref}, trying it as git does: as given, then heads, remotes, tags. */
    static Optional<String> advertisedName(Map<String, Ref> refs, String ref) {
        String withoutOrigin = ref.startsWith("origin/") ? ref.substring("origin/".length()) : ref;
        for (String candidate : List.of(ref, Constants.R_HEADS + ref, Constants.R_REMOTES + ref,
                Constants.R_TAGS + ref, Constants.R_HEADS + withoutOrigin)) {
            if (refs.containsKey(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<RevCommit> parse(Repository repo, String revision) {
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(revision + "^{commit}");
            return id == null ? Optional.empty() : Optional.of(walk.parseCommit(id));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

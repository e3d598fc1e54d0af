package io.ddbgitops.git;

import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/** What a remote advertises (ls-remote), and which of its branches is the default. */
final class RemoteRefs {
    private RemoteRefs() {}

    static Map<String, Ref> of(Remote remote) throws GitException {
        try {
            return remote.configure(Git.lsRemoteRepository().setRemote(remote.uri())).callAsMap();
        } catch (GitAPIException e) {
            throw remote.failure("Could not read repository " + remote.display(), e);
        }
    }

    static Map<String, Ref> ofOrigin(Git git, Remote remote) throws GitException {
        try {
            return remote.configure(git.lsRemote().setRemote("origin")).callAsMap();
        } catch (GitAPIException e) {
            throw remote.failure("Could not list the branches of " + remote.display(), e);
        }
    }

    /** The branch HEAD points at; when the server does not say, the branch whose tip HEAD equals (main/master first). */
    static String defaultBranch(Map<String, Ref> refs, String remoteDisplay) throws GitException {
        Ref head = refs.get(Constants.HEAD);
        if (head != null && head.isSymbolic()) {
            return Repository.shortenRefName(head.getTarget().getName());
        }
        if (head != null && head.getObjectId() != null) {
            for (String candidate : new String[] {"main", "master"}) {
                Ref ref = refs.get(Constants.R_HEADS + candidate);
                if (ref != null && head.getObjectId().equals(ref.getObjectId())) {
                    return candidate;
                }
            }
            Optional<String> same = refs.values().stream()
                    .filter(r -> r.getName().startsWith(Constants.R_HEADS) && head.getObjectId().equals(r.getObjectId()))
                    .map(r -> Repository.shortenRefName(r.getName())).sorted().findFirst();
            if (same.isPresent()) {
                return same.get();
            }
        }
        throw new GitException("Could not tell the default branch of " + remoteDisplay
                + (refs.isEmpty() ? ": the repository has no commits" : "; name the branch explicitly (--branch)"));
    }
}

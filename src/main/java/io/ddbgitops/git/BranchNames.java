package io.ddbgitops.git;

import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/** Whether a name can be a branch, by git's rules for ref names (git check-ref-format), checked before any work. */
public final class BranchNames {
    private BranchNames() {}

    /** Why {@code name} cannot name a branch; empty when it can. */
    public static Optional<String> problem(String name) {
        if (name.isBlank()) {
            return Optional.of("a branch name must not be empty");
        }
        if (!Repository.isValidRefName(Constants.R_HEADS + name)) {
            return Optional.of("'" + name + "' is not a valid branch name (no '..', '//', leading '-' or '/', "
                    + "control characters, spaces, ~ ^ : ? * [ \\, '@{', or a '.lock' or '.' ending)");
        }
        return Optional.empty();
    }
}

package io.ddbgitops.cli;

import io.ddbgitops.git.BranchNames;
import io.ddbgitops.git.CommitAuthor;
import picocli.CommandLine.Option;

/** Which repository, branch and report branch a run works on, and who signs the report commit. */
final class RepoOptions {
    @Option(names = "--repo", paramLabel = "PATH|URL",
            description = "Config repository: https, ssh or file URL, or a local path. Cloned into a temporary "
                    + "directory that is removed afterwards. With --local and no --repo: the bundled sample-repo.")
    String repo;

    @Option(names = "--branch", paramLabel = "B", description = "Branch to clone (default: the remote's default branch).")
    String branch;

    @Option(names = "--report-branch", paramLabel = "B",
            description = "Push the report to this branch (created when missing) instead of the cloned one.")
    String reportBranch;

    @Option(names = "--author-name", paramLabel = "NAME", defaultValue = "ddb-gitops",
            description = "Author name of report commits (default: ${DEFAULT-VALUE}).")
    String authorName;

    @Option(names = "--author-email", paramLabel = "EMAIL", defaultValue = "ddb-gitops@localhost",
            description = "Author e-mail of report commits (default: ${DEFAULT-VALUE}).")
    String authorEmail;

    /** Fails on a branch name git would refuse or a blank author, before anything is cloned or applied. */
    void check() {
        branchProblem("--branch", branch);
        branchProblem("--report-branch", reportBranch);
        author();
    }

    private static void branchProblem(String option, String name) {
        if (name != null) {
            BranchNames.problem(name).ifPresent(problem -> {
                throw new IllegalArgumentException(option + ": " + problem);
            });
        }
    }

    CommitAuthor author() {
        return new CommitAuthor(authorName, authorEmail);
    }
}

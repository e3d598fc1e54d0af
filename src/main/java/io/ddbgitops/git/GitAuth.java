package io.ddbgitops.git;

import java.util.List;
import org.eclipse.jgit.api.TransportCommand;

/** The credentials a workspace uses towards its remote. {@link #toString()} never shows a secret. */
public final class GitAuth {
    private static final GitAuth NONE = new GitAuth();

    private GitAuth() {}

    /** No credentials: local paths, file URLs and anonymous remotes. */
    public static GitAuth none() {
        return NONE;
    }

    /** Hands the credentials to a JGit command that talks to a remote. */
    <C extends TransportCommand<C, ?>> C configure(C command) {
        return command;
    }

    /** A failure of a JGit call, described without secrets. */
    GitException failure(String context, Throwable cause) {
        return new GitException(redact(context) + ": " + Redaction.describe(cause, secrets()));
    }

    /** Values that must never be printed. */
    List<String> secrets() {
        return List.of();
    }

    /** {@code text} with URL user-info stripped and every secret masked. */
    String redact(String text) {
        return Redaction.mask(text, secrets());
    }

    @Override
    public String toString() {
        return "GitAuth[none]";
    }
}

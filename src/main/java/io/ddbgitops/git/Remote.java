package io.ddbgitops.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;

/** The remote of a workspace: where it is, how to authenticate, and how to describe failures without secrets. */
final class Remote implements AutoCloseable {
    private final RepoLocation location;
    private final GitAuth auth;
    private final Path sshHome;
    private final HostKeyProblems hostKeyProblems = new HostKeyProblems();
    private SshdSessionFactory sshSessions;

    Remote(RepoLocation location, GitAuth auth, Path sshHome) {
        this.location = location;
        this.auth = auth;
        this.sshHome = sshHome;
    }

    String uri() {
        return location.uri();
    }

    String display() {
        return location.display();
    }

    RepoLocation location() {
        return location;
    }

    /** Hands the credentials to a JGit command that talks to the remote. */
    <C extends TransportCommand<C, ?>> C configure(C command) {
        Optional<String> password = auth.httpPassword();
        if (password.isPresent()) {
            command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(auth.httpUsername().orElse(""), password.get()));
        }
        command.setTransportConfigCallback(transport -> {
            if (transport instanceof SshTransport ssh) {
                ssh.setSshSessionFactory(sshSessions());
            }
        });
        return command;
    }

    private synchronized SshdSessionFactory sshSessions() {
        if (sshSessions == null) {
            try {
                sshSessions = SshSessions.create(auth, sshHome, hostKeyProblems);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not prepare the SSH client's directory " + sshHome, e);
            }
        }
        return sshSessions;
    }

    /** A failure of a JGit call, described without secrets, with the host-key verdict when that was the cause. */
    GitException failure(String context, Throwable cause) {
        String detail = Redaction.describe(cause, auth.secrets());
        String repeatedUri = display() + ": ";
        if (detail.startsWith(repeatedUri)) {
            detail = detail.substring(repeatedUri.length());
        }
        String message = redact(context) + ": " + detail;
        return new GitException(hostKeyProblems.takeLast().map(p -> message + " (" + p + ")").orElse(message));
    }

    String redact(String text) {
        return auth.redact(text);
    }

    @Override
    public synchronized void close() {
        if (sshSessions != null) {
            sshSessions.close();
            sshSessions = null;
        }
    }
}

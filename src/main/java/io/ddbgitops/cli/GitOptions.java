package io.ddbgitops.cli;

import io.ddbgitops.git.GitAuth;
import io.ddbgitops.git.GitException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/**
 * Git credentials: every GIT_* environment variable has an option of the same meaning, and an option given on
 * the command line wins over its variable. Prefer the *-file forms: a secret on the command line shows in the
 * process list.
 */
final class GitOptions {
    @Option(names = "--git-token", paramLabel = "TOKEN", description = "HTTPS token (env GIT_TOKEN). Prefer --git-token-file.")
    String token;

    @Option(names = "--git-token-file", paramLabel = "FILE", description = "File holding the HTTPS token (env GIT_TOKEN_FILE).")
    Path tokenFile;

    @Option(names = "--git-username", paramLabel = "USER", description = "HTTPS user name (env GIT_USERNAME).")
    String username;

    @Option(names = "--git-username-file", paramLabel = "FILE", description = "File holding the HTTPS user name (env GIT_USERNAME_FILE).")
    Path usernameFile;

    @Option(names = "--git-password", paramLabel = "PASSWORD", description = "HTTPS password (env GIT_PASSWORD). Prefer --git-password-file.")
    String password;

    @Option(names = "--git-password-file", paramLabel = "FILE", description = "File holding the HTTPS password (env GIT_PASSWORD_FILE).")
    Path passwordFile;

    @Option(names = "--git-ssh-key-file", paramLabel = "FILE", description = "SSH private key (env GIT_SSH_KEY_FILE).")
    Path sshKeyFile;

    @Option(names = "--git-ssh-key-passphrase-file", paramLabel = "FILE",
            description = "File holding the SSH key's passphrase (env GIT_SSH_KEY_PASSPHRASE_FILE).")
    Path sshKeyPassphraseFile;

    @Option(names = "--git-known-hosts-file", paramLabel = "FILE",
            description = "known_hosts file the SSH host key is checked against (env GIT_KNOWN_HOSTS_FILE).")
    Path knownHostsFile;

    @Option(names = "--git-ssh-strict-host-key-checking", negatable = true, paramLabel = "BOOLEAN",
            description = "Check the SSH host key against the known_hosts file (default: on; env "
                    + "GIT_SSH_STRICT_HOST_KEY_CHECKING). --no-git-ssh-strict-host-key-checking accepts any host key.")
    Boolean strictHostKeyChecking;

    /** The credentials from {@code env}, overridden by the options given. */
    GitAuth auth(Map<String, String> env) throws GitException {
        GitAuth.Builder builder = GitAuth.builder().environment(env);
        if (usernameFile != null) {
            builder.usernameFile(usernameFile);
        }
        if (username != null) {
            builder.username(username);
        }
        if (tokenFile != null) {
            builder.tokenFile(tokenFile);
        }
        if (token != null) {
            builder.token(token);
        }
        if (passwordFile != null) {
            builder.passwordFile(passwordFile);
        }
        if (password != null) {
            builder.password(password);
        }
        if (sshKeyFile != null) {
            builder.sshKeyFile(sshKeyFile);
        }
        if (sshKeyPassphraseFile != null) {
            builder.sshKeyPassphraseFile(sshKeyPassphraseFile);
        }
        if (knownHostsFile != null) {
            builder.knownHostsFile(knownHostsFile);
        }
        if (strictHostKeyChecking != null) {
            builder.strictHostKeyChecking(strictHostKeyChecking);
        }
        return builder.build();
    }
}

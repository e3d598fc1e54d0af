package io.ddbgitops.git;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * JGit's Apache MINA SSH client, set up from {@link GitAuth} only: its own home and .ssh directories
 * in the workspace's temp dir, so ~/.ssh (config, keys, known_hosts, agent) is never read or written.
 */
final class SshSessions {
    private SshSessions() {}

    static SshdSessionFactory create(GitAuth auth, Path home, HostKeyProblems problems) throws IOException {
        Path sshDir = Files.createDirectories(home.resolve(".ssh"));
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(home.toFile())
                .setSshDirectory(sshDir.toFile())
                .setConfigStoreFactory((homeDir, configFile, localUser) -> null)
                .setDefaultIdentities(dir -> auth.sshKeyFile().map(List::of).orElse(List.of()))
                .setDefaultKnownHostsFiles(dir -> auth.knownHostsFile().map(List::of).orElse(List.of()))
                .setServerKeyDatabase((homeDir, dir) -> serverKeys(auth, problems))
                .setKeyPasswordProvider(credentials -> new Passphrase(auth.sshKeyPassphrase()))
                .setPreferredAuthentications("publickey")
                .setConnectorFactory(null)
                .build(null);
    }

    private static ServerKeyDatabase serverKeys(GitAuth auth, HostKeyProblems problems) {
        KnownHostsDatabase knownHosts = new KnownHostsDatabase(auth.knownHostsFile(), problems);
        if (auth.strictHostKeyChecking()) {
            return knownHosts;
        }
        return new ServerKeyDatabase() {
            @Override
            public List<java.security.PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
                return knownHosts.lookup(connectAddress, remoteAddress, config);
            }

            @Override
            public boolean accept(String connectAddress, InetSocketAddress remoteAddress, java.security.PublicKey serverKey,
                                  Configuration config, CredentialsProvider provider) {
                return true;
            }
        };
    }

    /** Gives the configured passphrase once; a wrong passphrase is not retried. */
    private static final class Passphrase implements KeyPasswordProvider {
        private final Optional<String> passphrase;

        Passphrase(Optional<String> passphrase) {
            this.passphrase = passphrase;
        }

        @Override
        public char[] getPassphrase(URIish uri, int attempt) {
            return attempt == 0 ? passphrase.map(String::toCharArray).orElse(null) : null;
        }

        @Override
        public void setAttempts(int attempts) {
            // one attempt only: the passphrase comes from a file, asking again cannot help
        }

        @Override
        public boolean keyLoaded(URIish uri, int attempt, Exception error) {
            return false;
        }
    }
}

package io.ddbgitops.git;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/** Strict host-key checking against one known_hosts file, read-only: unknown or changed keys are refused. */
final class KnownHostsDatabase implements ServerKeyDatabase {
    private static final String REVOKED = "revoked";

    private final Optional<Path> knownHosts;
    private final HostKeyProblems problems;

    KnownHostsDatabase(Optional<Path> knownHosts, HostKeyProblems problems) {
        this.knownHosts = knownHosts;
        this.problems = problems;
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        return keys(connectAddress, remoteAddress, false);
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                          Configuration config, CredentialsProvider provider) {
        String host = connectAddress + " (" + KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey) + ")";
        if (knownHosts.isEmpty()) {
            problems.report("host key of " + host + " cannot be verified: no known_hosts file was given (GIT_KNOWN_HOSTS_FILE)");
            return false;
        }
        if (keys(connectAddress, remoteAddress, true).stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey))) {
            problems.report("host key of " + host + " is revoked in " + knownHosts.get());
            return false;
        }
        List<PublicKey> known = keys(connectAddress, remoteAddress, false);
        if (known.stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey))) {
            return true;
        }
        problems.report(known.isEmpty()
                ? "host key of " + host + " is unknown: the host is not in the known_hosts file " + knownHosts.get()
                : "host key of " + host + " does not match the key in the known_hosts file " + knownHosts.get()
                        + "; the host key changed or someone is intercepting the connection");
        return false;
    }

    private List<PublicKey> keys(String connectAddress, InetSocketAddress remoteAddress, boolean revoked) {
        if (knownHosts.isEmpty()) {
            return List.of();
        }
        try {
            List<PublicKey> keys = new ArrayList<>();
            for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(knownHosts.get())) {
                boolean isRevoked = REVOKED.equals(entry.getMarker());
                if (isRevoked == revoked && (entry.getMarker() == null || isRevoked) && matches(entry, connectAddress, remoteAddress)) {
                    keys.add(entry.getKeyEntry().resolvePublicKey(null, Collections.emptyMap(), PublicKeyEntryResolver.IGNORING));
                }
            }
            keys.removeIf(java.util.Objects::isNull);
            return keys;
        } catch (IOException | GeneralSecurityException e) {
            problems.report("cannot read the known_hosts file " + knownHosts.get() + ": " + e.getMessage());
            return List.of();
        }
    }

    private static boolean matches(KnownHostEntry entry, String connectAddress, InetSocketAddress remoteAddress) {
        int port = remoteAddress.getPort();
        Set<String> hosts = new LinkedHashSet<>();
        if (connectAddress.startsWith("[") && connectAddress.contains("]:")) {
            hosts.add(connectAddress.substring(1, connectAddress.indexOf(']')));
        } else {
            hosts.add(connectAddress);
        }
        if (remoteAddress.getAddress() != null) {
            hosts.add(remoteAddress.getAddress().getHostAddress());
        }
        return hosts.stream().anyMatch(h -> entry.isHostMatch(h, port));
    }
}

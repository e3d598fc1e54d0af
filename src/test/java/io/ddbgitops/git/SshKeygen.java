package io.ddbgitops.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Key pairs made by the real {@code ssh-keygen}, as users make them, so the tests read the files OpenSSH writes
 * today. A machine without ssh-keygen fails these tests (CI installs openssh-client); nothing is skipped.
 */
public final class SshKeygen {
    /** Every key type OpenSSH generates by default today; ed25519 is ssh-keygen's own default. */
    public enum Type {
        ED25519("ed25519"), ECDSA("ecdsa"), RSA("rsa");

        final String flag;

        Type(String flag) {
            this.flag = flag;
        }
    }

    private SshKeygen() {}

    /** Writes {@code file} (private, OpenSSH format) and {@code file.pub}; returns the private key's path. */
    public static Path generate(Type type, Path file, Optional<String> passphrase) throws IOException, InterruptedException {
        Process keygen = new ProcessBuilder(List.of("ssh-keygen", "-q", "-t", type.flag, "-C", "ddb-gitops-test",
                "-N", passphrase.orElse(""), "-f", file.toString()))
                .redirectErrorStream(true).start();
        keygen.getOutputStream().close();
        String output = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keygen.waitFor(60, TimeUnit.SECONDS) || keygen.exitValue() != 0) {
            throw new IOException("ssh-keygen -t " + type.flag + " failed: " + output);
        }
        return file;
    }

    /** True when the OpenSSH private key file names a cipher and a KDF, i.e. it needs its passphrase. */
    public static boolean isEncrypted(Path privateKey) throws IOException {
        String body = Files.readString(privateKey).replaceAll("-----[A-Z ]+-----|\\s", "");
        String decoded = new String(java.util.Base64.getDecoder().decode(body), StandardCharsets.ISO_8859_1);
        return decoded.contains("bcrypt") && !decoded.contains("none");
    }

    public static Path publicKey(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** A known_hosts file naming the loopback server on {@code port} with the host key in {@code hostKey}.pub. */
    public static Path knownHosts(Path file, int port, Path hostKey) throws IOException {
        String[] publicKey = Files.readString(publicKey(hostKey)).strip().split(" ");
        return Files.writeString(file, "[127.0.0.1]:" + port + " " + publicKey[0] + " " + publicKey[1] + "\n");
    }
}

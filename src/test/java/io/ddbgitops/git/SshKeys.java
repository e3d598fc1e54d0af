package io.ddbgitops.git;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/** Fresh SSH key pairs, private key files in OpenSSH format, and known_hosts lines for the SSH tests. */
final class SshKeys {
    private SshKeys() {}

    static KeyPair generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static Path writePrivateKey(KeyPair key, Path file, Optional<String> passphrase) throws Exception {
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase.isPresent()) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setPassword(passphrase.get());
            encryption.setCipherName("AES");
            encryption.setCipherType("256");
            encryption.setCipherMode("CTR");
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "test", encryption, out);
        }
        return file;
    }

    static Path writeKnownHosts(Path file, int port, PublicKey hostKey) throws Exception {
        return Files.writeString(file, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey) + "\n");
    }
}

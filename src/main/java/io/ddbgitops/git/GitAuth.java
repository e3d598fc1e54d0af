package io.ddbgitops.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The credentials a workspace uses towards its remote: a token or username + password for HTTPS,
 * a private key + known_hosts for SSH. {@link #toString()} never shows a secret.
 */
public final class GitAuth {
    /** The user name git hosts accept with a token as the password (GitHub, Gitea; GitLab takes any name). */
    static final String TOKEN_USER = "x-access-token";
    private static final GitAuth NONE = new Builder().buildValid();

    private final Optional<String> username;
    private final Optional<String> password;
    private final boolean token;
    private final Optional<Path> sshKeyFile;
    private final Optional<String> sshKeyPassphrase;
    private final Optional<Path> knownHostsFile;
    private final boolean strictHostKeyChecking;
    private final List<String> masked;

    private GitAuth(Builder b) {
        this.username = b.username;
        this.password = b.password;
        this.token = b.token;
        this.sshKeyFile = b.sshKeyFile;
        this.sshKeyPassphrase = b.sshKeyPassphrase;
        this.knownHostsFile = b.knownHostsFile;
        this.strictHostKeyChecking = b.strictHostKeyChecking;
        this.masked = List.copyOf(b.masked);
    }

    /** No credentials: local paths, file URLs and anonymous remotes. */
    public static GitAuth none() {
        return NONE;
    }

    /** Credentials from GIT_TOKEN(_FILE), GIT_USERNAME(_FILE), GIT_PASSWORD(_FILE), GIT_SSH_KEY_FILE, ... */
    public static GitAuth fromEnvironment(Map<String, String> env) throws GitException {
        return builder().environment(env).build();
    }

    /** Start with {@link Builder#environment} and then apply command-line options: later values win. */
    public static Builder builder() {
        return new Builder();
    }

    /** The HTTP user name: the given one, or {@value #TOKEN_USER} for a token. */
    Optional<String> httpUsername() {
        return username.isPresent() ? username : (token ? Optional.of(TOKEN_USER) : Optional.empty());
    }

    Optional<String> httpPassword() {
        return password;
    }

    Optional<Path> sshKeyFile() {
        return sshKeyFile;
    }

    Optional<String> sshKeyPassphrase() {
        return sshKeyPassphrase;
    }

    Optional<Path> knownHostsFile() {
        return knownHostsFile;
    }

    boolean strictHostKeyChecking() {
        return strictHostKeyChecking;
    }

    /** These credentials, with HTTP user and password taken from the URL when none were given otherwise. */
    GitAuth withUrlCredentials(Optional<String> urlUser, Optional<String> urlPassword) {
        if (password.isPresent() || urlPassword.isEmpty()) {
            return this;
        }
        Builder b = toBuilder();
        b.password = urlPassword;
        b.token = false;
        b.username = username.isPresent() ? username : urlUser;
        return b.buildValid();
    }

    /** These credentials, also masking {@code values} (a repository URL's query string) wherever they are printed. */
    GitAuth masking(List<String> values) {
        if (values.isEmpty()) {
            return this;
        }
        Builder b = toBuilder();
        b.masked.addAll(values);
        return b.buildValid();
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.username = username;
        b.password = password;
        b.token = token;
        b.sshKeyFile = sshKeyFile;
        b.sshKeyPassphrase = sshKeyPassphrase;
        b.knownHostsFile = knownHostsFile;
        b.strictHostKeyChecking = strictHostKeyChecking;
        b.masked.addAll(masked);
        return b;
    }

    /** Values that must never be printed. */
    List<String> secrets() {
        return Stream.concat(Stream.of(password, sshKeyPassphrase).flatMap(Optional::stream), masked.stream()).toList();
    }

    /** {@code text} with URL user-info stripped and every secret masked. */
    String redact(String text) {
        return Redaction.mask(text, secrets());
    }

    @Override
    public String toString() {
        String http = password.isEmpty() ? "none" : (token ? "token" : "password") + " as " + httpUsername().orElse("?");
        return "GitAuth[https=" + http
                + ", sshKey=" + sshKeyFile.map(Path::toString).orElse("none")
                + (sshKeyPassphrase.isPresent() ? " (with passphrase)" : "")
                + ", knownHosts=" + knownHostsFile.map(Path::toString).orElse("none")
                + ", strictHostKeyChecking=" + strictHostKeyChecking + "]";
    }

    /** Collects credentials; every problem is reported at once by {@link #build()}. Later settings win. */
    public static final class Builder {
        private Optional<String> username = Optional.empty();
        private Optional<String> password = Optional.empty();
        private boolean token;
        private Optional<Path> sshKeyFile = Optional.empty();
        private Optional<String> sshKeyPassphrase = Optional.empty();
        private Optional<Path> knownHostsFile = Optional.empty();
        private boolean strictHostKeyChecking = true;
        private final List<String> problems = new ArrayList<>();
        private final List<String> masked = new ArrayList<>();

        private Builder() {}

        /** Reads the GIT_* variables (and the files the *_FILE ones name) from {@code env}. */
        public Builder environment(Map<String, String> env) {
            EnvironmentReader reader = new EnvironmentReader(env, problems);
            reader.secret("GIT_USERNAME").ifPresent(this::username);
            Optional<String> envToken = reader.secret("GIT_TOKEN");
            Optional<String> envPassword = reader.secret("GIT_PASSWORD");
            if (envToken.isPresent() && envPassword.isPresent()) {
                problems.add("Set either a token (GIT_TOKEN, GIT_TOKEN_FILE) or a password (GIT_PASSWORD, GIT_PASSWORD_FILE), not both");
            }
            envToken.ifPresent(this::token);
            envPassword.ifPresent(this::password);
            reader.path("GIT_SSH_KEY_FILE").ifPresent(this::sshKeyFile);
            reader.path("GIT_SSH_KEY_PASSPHRASE_FILE").ifPresent(this::sshKeyPassphraseFile);
            reader.path("GIT_KNOWN_HOSTS_FILE").ifPresent(this::knownHostsFile);
            reader.bool("GIT_SSH_STRICT_HOST_KEY_CHECKING").ifPresent(this::strictHostKeyChecking);
            return this;
        }

        public Builder username(String username) {
            this.username = Optional.of(username);
            return this;
        }

        public Builder usernameFile(Path file) {
            readSecretFile(file, "username file").ifPresent(this::username);
            return this;
        }

        /** A token for HTTPS; sent as the password of {@value GitAuth#TOKEN_USER} unless a user name is given. */
        public Builder token(String token) {
            this.password = Optional.of(token);
            this.token = true;
            return this;
        }

        public Builder tokenFile(Path file) {
            readSecretFile(file, "token file").ifPresent(this::token);
            return this;
        }

        public Builder password(String password) {
            this.password = Optional.of(password);
            this.token = false;
            return this;
        }

        public Builder passwordFile(Path file) {
            readSecretFile(file, "password file").ifPresent(this::password);
            return this;
        }

        public Builder sshKeyFile(Path file) {
            this.sshKeyFile = Optional.of(file.toAbsolutePath());
            return this;
        }

        public Builder sshKeyPassphrase(String passphrase) {
            this.sshKeyPassphrase = Optional.of(passphrase);
            return this;
        }

        public Builder sshKeyPassphraseFile(Path file) {
            readSecretFile(file, "SSH key passphrase file").ifPresent(this::sshKeyPassphrase);
            return this;
        }

        public Builder knownHostsFile(Path file) {
            this.knownHostsFile = Optional.of(file.toAbsolutePath());
            return this;
        }

        /** Host keys are checked against the known_hosts file unless this is set to false explicitly. */
        public Builder strictHostKeyChecking(boolean strict) {
            this.strictHostKeyChecking = strict;
            return this;
        }

        public GitAuth build() throws GitException {
            List<String> all = new ArrayList<>(problems);
            if (password.isPresent() && !token && username.isEmpty()) {
                all.add("A password needs a user name (GIT_USERNAME, GIT_USERNAME_FILE); for a token use GIT_TOKEN");
            }
            sshKeyFile.filter(f -> !Files.isReadable(f)).ifPresent(f -> all.add("SSH key file is not readable: " + f));
            knownHostsFile.filter(f -> !Files.isReadable(f)).ifPresent(f -> all.add("known_hosts file is not readable: " + f));
            if (!all.isEmpty()) {
                throw new GitException("Invalid git credentials: " + String.join("; ", all));
            }
            return buildValid();
        }

        private GitAuth buildValid() {
            return new GitAuth(this);
        }

        private Optional<String> readSecretFile(Path file, String what) {
            return SecretFiles.read(file, what, problems);
        }
    }

    /** Secrets mounted as files (Kubernetes): content without one trailing newline; the content is never reported. */
    static final class SecretFiles {
        private SecretFiles() {}

        static Optional<String> read(Path file, String what, List<String> problems) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                if (content.endsWith("\r\n")) {
                    content = content.substring(0, content.length() - 2);
                } else if (content.endsWith("\n")) {
                    content = content.substring(0, content.length() - 1);
                }
                if (content.isEmpty()) {
                    problems.add("The " + what + " is empty: " + file.toAbsolutePath());
                    return Optional.empty();
                }
                return Optional.of(content);
            } catch (IOException e) {
                problems.add("Cannot read the " + what + " " + file.toAbsolutePath() + " (" + e.getClass().getSimpleName() + ")");
                return Optional.empty();
            }
        }
    }
}

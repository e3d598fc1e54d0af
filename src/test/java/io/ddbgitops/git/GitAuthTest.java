package io.ddbgitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitAuthTest {
    @TempDir
    Path dir;

    @Test
    void sendsATokenAsThePasswordOfTheAccessTokenUser() throws Exception {
        GitAuth auth = GitAuth.fromEnvironment(Map.of("GIT_TOKEN", "tok-1"));

        assertThat(auth.httpUsername()).contains("x-access-token");
        assertThat(auth.httpPassword()).contains("tok-1");
    }

    @Test
    void readsSecretFilesWithoutTheirTrailingNewline() throws Exception {
        Path user = Files.writeString(dir.resolve("user"), "alice\n");
        Path password = Files.writeString(dir.resolve("password"), "pa ss\r\n");

        GitAuth auth = GitAuth.fromEnvironment(Map.of("GIT_USERNAME_FILE", user.toString(), "GIT_PASSWORD_FILE", password.toString()));

        assertThat(auth.httpUsername()).contains("alice");
        assertThat(auth.httpPassword()).contains("pa ss");
    }

    @Test
    void commandLineValuesOverrideTheEnvironment() throws Exception {
        GitAuth auth = GitAuth.builder().environment(Map.of("GIT_TOKEN", "from-env")).username("bob").password("from-cli").build();

        assertThat(auth.httpUsername()).contains("bob");
        assertThat(auth.httpPassword()).contains("from-cli");
    }

    @Test
    void reportsEveryProblemAtOnceWithoutTheSecrets() {
        Map<String, String> env = Map.of(
                "GIT_TOKEN", "tok-secret", "GIT_TOKEN_FILE", dir.resolve("token").toString(),
                "GIT_PASSWORD_FILE", dir.resolve("missing").toString(),
                "GIT_SSH_STRICT_HOST_KEY_CHECKING", "maybe",
                "GIT_SSH_KEY_FILE", dir.resolve("id_missing").toString());

        assertThatThrownBy(() -> GitAuth.fromEnvironment(env))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("Set either GIT_TOKEN or GIT_TOKEN_FILE, not both")
                .hasMessageContaining("Cannot read the GIT_PASSWORD_FILE " + dir.resolve("missing"))
                .hasMessageContaining("GIT_SSH_STRICT_HOST_KEY_CHECKING must be true or false but is 'maybe'")
                .hasMessageContaining("SSH key file is not readable: " + dir.resolve("id_missing"))
                .hasMessageNotContaining("tok-secret");
    }

    @Test
    void rejectsAnEmptySecretFile() throws Exception {
        Path empty = Files.writeString(dir.resolve("token"), "\n");

        assertThatThrownBy(() -> GitAuth.fromEnvironment(Map.of("GIT_TOKEN_FILE", empty.toString())))
                .isInstanceOf(GitException.class).hasMessageContaining("is empty: " + empty);
    }

    @Test
    void rejectsAPasswordWithoutAUserName() {
        assertThatThrownBy(() -> GitAuth.fromEnvironment(Map.of("GIT_PASSWORD", "pw")))
                .isInstanceOf(GitException.class).hasMessageContaining("needs a user name");
    }

    @Test
    void checksHostKeysUnlessToldOtherwise() throws Exception {
        assertThat(GitAuth.fromEnvironment(Map.of()).strictHostKeyChecking()).isTrue();
        assertThat(GitAuth.fromEnvironment(Map.of("GIT_SSH_STRICT_HOST_KEY_CHECKING", "false")).strictHostKeyChecking()).isFalse();
    }

    @Test
    void neverShowsSecretsInToString() throws Exception {
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "phrase-secret");
        Path key = Files.writeString(dir.resolve("id_ed25519"), "key");
        GitAuth auth = GitAuth.builder().token("tok-secret").sshKeyFile(key).sshKeyPassphraseFile(passphrase).build();

        assertThat(auth.toString())
                .doesNotContain("tok-secret").doesNotContain("phrase-secret")
                .contains("token as x-access-token").contains(key.toString());
    }

    @Test
    void takesUrlCredentialsOnlyWhenNoneWereGiven() throws Exception {
        GitAuth fromUrl = GitAuth.none().withUrlCredentials(Optional.of("u"), Optional.of("p"));
        GitAuth explicit = GitAuth.builder().token("t").build().withUrlCredentials(Optional.of("u"), Optional.of("p"));

        assertThat(fromUrl.httpUsername()).contains("u");
        assertThat(fromUrl.httpPassword()).contains("p");
        assertThat(explicit.httpPassword()).contains("t");
    }
}

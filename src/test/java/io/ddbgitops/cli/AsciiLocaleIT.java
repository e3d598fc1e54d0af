package io.ddbgitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Under a locale without UTF-8 the symbols we print come out as ASCII, never as "?". */
class AsciiLocaleIT {
    @TempDir
    Path home;

    private Path repo() throws Exception {
        Path repo = home.resolve("repo/manifests");
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("a.yaml"), """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: a
                spec:
                  region: "us-east-1"
                  tablename: "A"
                  pri_key_attributename: "id"
                  pri_key_attributetype: "S"
                """, StandardCharsets.UTF_8);
        return repo.getParent();
    }

    @Test
    void aCLocalePrintsAsciiFallbacks() throws Exception {
        // Java 17 takes the locale's charset for System.out; Java 19+ reads stdout.encoding: set both ways
        ChildJvm run = ChildJvm.run(home, Map.of("LANG", "C", "LC_ALL", "C"),
                List.of("-Dstdout.encoding=US-ASCII", "-Dsun.stdout.encoding=US-ASCII"),
                "validate", "--repo", repo().toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).contains("policy: none - every namespace")
                .contains("(3-255 characters").doesNotContain("?").matches("\\p{ASCII}*");
    }

    @Test
    void aUtf8TerminalKeepsTheSymbols() throws Exception {
        ChildJvm run = ChildJvm.run(home, Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"),
                List.of("-Dstdout.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8"), "validate", "--repo", repo().toString());

        String utf8 = new String(run.out().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        assertThat(utf8).contains("policy: none — every namespace").contains("(3–255 characters");
    }
}

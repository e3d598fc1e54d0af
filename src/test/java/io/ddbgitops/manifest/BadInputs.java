package io.ddbgitops.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hostile-input corpus: one folder per case under {@code src/test/resources/bad-inputs/}, holding the bad
 * file(s) and {@code expected.txt}, whose lines must each be found in the formatted errors
 * ({@code file:line:column: field: message}, the file relative to the case folder). Cases that need a symlink,
 * a huge file or a file name git and Maven cannot carry hold only {@code expected.txt}; their files are made
 * here, at run time ({@link #GENERATED}). {@link #VALID} are the manifests that must still load beside them.
 */
public final class BadInputs {
    public static final String VALID = "manifests/corpus-valid";
    /** The names (namespace/name) of the valid manifests, including the one written under a unicode file name. */
    public static final List<String> VALID_IDS = List.of("corpus-valid/long-name", "corpus-valid/orders",
            "corpus-valid/orders-eu", "corpus-valid/short-name", "corpus-valid/unicode-name");
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    private interface Generator {
        void make(Path caseDir, Path outside) throws IOException, InterruptedException;
    }

    private static final Map<String, Generator> GENERATED = Map.ofEntries(
            Map.entry("symlink-etc-passwd", (dir, outside) ->
                    Files.createSymbolicLink(dir.resolve("passwd.yaml"), Path.of("/etc/passwd"))),
            Map.entry("symlink-proc-environ", (dir, outside) ->
                    Files.createSymbolicLink(dir.resolve("environ.yaml"), Path.of("/proc/self/environ"))),
            Map.entry("symlink-outside-repo", (dir, outside) -> {
                // a valid manifest: were the link followed, it would load (and its table would be made)
                Path target = Files.writeString(outside.resolve("elsewhere.yaml"), manifest("Bad-outside"));
                Files.createSymbolicLink(dir.resolve("link.yaml"), target);
            }),
            Map.entry("symlink-loop", (dir, outside) -> {
                Files.createSymbolicLink(dir.resolve("self.yaml"), dir.resolve("self.yaml"));
                Files.createSymbolicLink(dir.resolve("ping.yaml"), dir.resolve("pong.yaml"));
                Files.createSymbolicLink(dir.resolve("pong.yaml"), dir.resolve("ping.yaml"));
            }),
            Map.entry("symlink-dangling", (dir, outside) ->
                    Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("missing.yaml"))),
            Map.entry("symlink-huge-file", (dir, outside) ->
                    Files.createSymbolicLink(dir.resolve("huge.yaml"), hugeFile(outside.resolve("huge.bin")))),
            Map.entry("symlink-directory", (dir, outside) -> {
                Path tables = Files.createDirectories(outside.resolve("tables"));
                Files.writeString(tables.resolve("t.yaml"), manifest("Bad-linked-dir"));
                Files.createSymbolicLink(dir.resolve("tables"), tables);
            }),
            Map.entry("file-50mb", (dir, outside) -> hugeFile(dir.resolve("big.yaml"))),
            Map.entry("resource-policy-file-symlink", (dir, outside) -> {
                // a valid policy outside the repository: were the link followed, it would be sent to DynamoDB
                Path target = Files.writeString(outside.resolve("policy.json"), "{\"Statement\": []}");
                Files.createSymbolicLink(dir.resolve("policy.json"), target);
                Files.writeString(dir.resolve("table.yaml"), manifest("Bad-policy-link")
                        + "  optional_spec:\n    resource_policy: {file: policy.json}\n");
            }),
            Map.entry("resource-policy-file-21kb", (dir, outside) -> {
                Files.writeString(dir.resolve("policy.json"), "{\"Statement\": [], \"Sid\": \""
                        + "x".repeat(21 * 1024) + "\"}");
                Files.writeString(dir.resolve("table.yaml"), manifest("Bad-policy-big")
                        + "  optional_spec:\n    resource_policy: {file: policy.json}\n");
            }),
            Map.entry("scalar-50mb", (dir, outside) -> {
                byte[] scalar = new byte[(int) FIFTY_MB];
                java.util.Arrays.fill(scalar, (byte) 'x');
                Files.write(dir.resolve("scalar.yaml"), "value: ".getBytes(StandardCharsets.US_ASCII));
                Files.write(dir.resolve("scalar.yaml"), scalar, java.nio.file.StandardOpenOption.APPEND);
            }),
            Map.entry("line-too-long", (dir, outside) -> Files.writeString(dir.resolve("long-line.yaml"),
                    manifest("Bad-long-line") + "  optional_spec:\n    tags:\n      team: \"" + "x".repeat(40_000)
                            + "\"\n")),
            Map.entry("documents-100k", (dir, outside) -> Files.writeString(dir.resolve("documents.yaml"),
                    "---\na: 1\n".repeat(100_000))),
            Map.entry("nesting-10000", (dir, outside) -> Files.writeString(dir.resolve("deep.yaml"),
                    "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n")),
            Map.entry("file-name-newline", (dir, outside) ->
                    Files.writeString(dir.resolve("bad\nname.yaml"), manifest("Bad-newline-name"))),
            Map.entry("named-pipe", (dir, outside) -> {
                // a FIFO named like a manifest would block a reader forever
                Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.yaml").toString())
                        .redirectErrorStream(true).start();
                if (mkfifo.waitFor() != 0) {
                    throw new IOException("mkfifo failed: " + new String(mkfifo.getInputStream().readAllBytes()));
                }
            }));

    private BadInputs() {
    }

    /** Every case folder's name, sorted. */
    public static List<String> cases() {
        try (Stream<Path> dirs = Files.list(resource("bad-inputs"))) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of the case's expected.txt (each a substring of one formatted error). */
    public static List<String> expected(String name) throws IOException {
        return Files.readAllLines(resource("bad-inputs/" + name).resolve("expected.txt"), StandardCharsets.UTF_8)
                .stream().filter(line -> !line.isBlank()).toList();
    }

    /**
     * Writes the case into {@code repo/<name>/}; {@code outside} is a folder outside the repository that
     * symlinks may point at.
     */
    public static void writeCase(String name, Path repo, Path outside) throws IOException, InterruptedException {
        Path target = Files.createDirectories(repo.resolve(name));
        Path source = resource("bad-inputs/" + name);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("expected.txt")) {
                    Files.copy(file, target.resolve(file.getFileName().toString()));
                }
            }
        }
        Generator generator = GENERATED.get(name);
        if (generator != null) {
            Files.createDirectories(outside);
            generator.make(target, outside);
        }
    }

    /**
     * The valid manifests in {@code repo/valid/}, one under a unicode file name, plus copies of them in a hidden
     * folder and in the top-level {@code drift/} folder: were those read, every table would be declared twice.
     */
    public static void writeValid(Path repo) throws IOException {
        Path valid = Files.createDirectories(repo.resolve("valid"));
        try (Stream<Path> files = Files.list(resource(VALID))) {
            for (Path file : files.toList()) {
                Files.copy(file, valid.resolve(file.getFileName().toString()));
            }
        }
        Files.writeString(valid.resolve("ünïcødé-表.yaml"), manifest("corpus-valid", "unicode-name", "CorpusUnicode"));
        for (String skipped : List.of(".hidden", "drift")) {
            Path dir = Files.createDirectories(repo.resolve(skipped));
            Files.copy(valid.resolve("orders.yaml"), dir.resolve("orders.yaml"));
        }
    }

    private static String manifest(String table) {
        return manifest("corpus", table.toLowerCase(), table);
    }

    private static String manifest(String namespace, String name, String table) {
        return "apiVersion: prsn.io/v1\nkind: Dynamodb\nmetadata:\n  name: " + name + "\n  namespace: " + namespace
                + "\nspec:\n  region: us-east-1\n  tablename: " + table
                + "\n  pri_key_attributename: id\n  pri_key_attributetype: S\n";
    }

    /** 50 MB of comment lines, written at once. */
    private static Path hugeFile(Path file) throws IOException {
        byte[] line = "# filler comment line, 50 MB of them in all ....\n".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[(int) FIFTY_MB];
        for (int at = 0; at < content.length; at += line.length) {
            System.arraycopy(line, 0, content, at, Math.min(line.length, content.length - at));
        }
        return Files.write(file, content);
    }

    private static Path resource(String name) {
        try {
            return Path.of(BadInputs.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + name, e);
        }
    }
}

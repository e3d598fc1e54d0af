package io.ddbgitops.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a {@code plan} spends before it reads the first table, on a repository of 20,000 files and 2,000 commits
 * served by {@code git daemon} on loopback, against {@code git clone --depth 1} of the same repository in the same
 * rounds (interleaved). The plan's time runs from its start to the first DescribeTable arriving at a stand-in
 * endpoint; the clone's from its start to its exit (with its checkout). Usage (bench/checkout.sh builds the jars):
 * {@code CheckoutBench ROUNDS LABEL=JAR...}; the repository's size can be changed with -Dfiles=N -Dcommits=N -Dtables=N.
 */
public final class CheckoutBench {
    private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "AKIDBENCH", "AWS_SECRET_ACCESS_KEY",
            "bench", "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true");

    private CheckoutBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int files = Integer.getInteger("files", 20_000);
        int commits = Integer.getInteger("commits", 2_000);
        int tables = Integer.getInteger("tables", 100);
        Path work = Files.createTempDirectory("ddb-gitops-bench-checkout");
        Path bare = work.resolve("fleet.git");
        long generated = System.nanoTime();
        generate(bare, files, commits, tables);
        System.out.printf(Locale.ROOT, "generated %d files (%d manifests) in %d commits in %.1f s%n", files, tables,
                commits, (System.nanoTime() - generated) / 1e9);
        int port = freePort();
        Process daemon = new ProcessBuilder("git", "daemon", "--reuseaddr", "--export-all", "--base-path=" + work,
                "--listen=127.0.0.1", "--port=" + port, work.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("daemon.log").toFile())).start();
        Timings timings = new Timings();
        try (FirstRequests endpoint = new FirstRequests()) {
            awaitPort(port);
            String url = "git://127.0.0.1:" + port + "/fleet.git";
            for (int round = 1; round <= rounds; round++) {
                Path clone = work.resolve("clone-" + round);
                timings.add("git clone --depth 1", Timings.untilExit(List.of("git", "clone", "--quiet", "--depth", "1",
                        "--single-branch", url, clone.toString()), ENV));
                Timings.cleanUp(clone);
                for (int i = 1; i < args.length; i++) {
                    String[] variant = args[i].split("=", 2);
                    timings.add(variant[0] + " plan: until the first table is read", untilFirstTable(endpoint,
                            List.of(Timings.java(), "-jar", variant[1], "plan", "--repo", url, "--endpoint-url",
                                    endpoint.url()), work.resolve(variant[0] + ".log")));
                }
                System.out.printf("round %d of %d done%n", round, rounds);
            }
        } finally {
            daemon.destroy();
            daemon.waitFor(30, TimeUnit.SECONDS);
        }
        timings.print("a " + files + "-file, " + commits + "-commit repository over git://", "git clone --depth 1");
        Timings.cleanUp(work);
    }

    private static long untilFirstTable(FirstRequests endpoint, List<String> command, Path log) throws Exception {
        FirstRequests.Round round = endpoint.next();
        long started = System.nanoTime();
        Process process = Timings.start(command, ENV, log);
        try {
            if (!FirstRequests.await(round.describeTable, process, 600)) {
                throw new IllegalStateException("no DescribeTable from: " + String.join(" ", command) + " (see " + log + ")");
            }
            return round.firstDescribeAt - started;
        } finally {
            Timings.stop(process);
        }
    }

    /**
     * {@code commits} commits through {@code git fast-import}, each adding an equal share of the files: text files
     * in nested folders (about 700 bytes each, all different) and {@code tables} manifests under manifests/.
     */
    static void generate(Path bare, int files, int commits, int tables) throws IOException, InterruptedException {
        run(List.of("git", "init", "--quiet", "--bare", "--initial-branch=main", bare.toString()));
        Process importer = new ProcessBuilder("git", "-C", bare.toString(), "fast-import", "--quiet")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream out = new BufferedOutputStream(importer.getOutputStream(), 1 << 20)) {
            int perCommit = Math.max(1, files / commits);
            int written = 0;
            for (int c = 1; c <= commits; c++) {
                StringBuilder commit = new StringBuilder();
                String message = "change " + c;
                commit.append("commit refs/heads/main\nmark :").append(c).append('\n')
                        .append("committer Bench <bench@localhost> ").append(1_700_000_000L + c * 60L).append(" +0000\n")
                        .append("data ").append(message.length()).append('\n').append(message).append('\n');
                if (c > 1) {
                    commit.append("from :").append(c - 1).append('\n');
                }
                out.write(commit.toString().getBytes(StandardCharsets.UTF_8));
                int upTo = c == commits ? files : Math.min(files, written + perCommit);
                for (; written < upTo; written++) {
                    boolean manifest = written % Math.max(1, files / Math.max(1, tables)) == 0
                            && written / Math.max(1, files / Math.max(1, tables)) < tables;
                    String path = manifest ? "manifests/team-" + (written % 10) + "/table-" + written + ".yaml"
                            : "docs/area-" + (written % 50) + "/topic-" + (written / 50 % 40) + "/note-" + written + ".md";
                    byte[] content = (manifest ? manifest(written) : text(written)).getBytes(StandardCharsets.UTF_8);
                    out.write(("M 100644 inline " + path + "\ndata " + content.length + "\n").getBytes(StandardCharsets.UTF_8));
                    out.write(content);
                    out.write('\n');
                }
            }
            out.write("done\n".getBytes(StandardCharsets.UTF_8));
        }
        if (importer.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed");
        }
        run(List.of("git", "-C", bare.toString(), "repack", "-a", "-d", "-q"));
    }

    private static String manifest(int n) {
        return "apiVersion: prsn.io/v1\nkind: Dynamodb\nmetadata:\n  name: table-" + n + "\n  namespace: fleet\n"
                + "spec:\n  region: us-east-1\n  tablename: Fleet" + n + "\n  pri_key_attributename: id\n"
                + "  pri_key_attributetype: S\n";
    }

    private static String text(int n) {
        StringBuilder text = new StringBuilder("# Note ").append(n).append("\n\n");
        long x = n * 2_654_435_761L + 1;
        while (text.length() < 700) {
            x = x * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
            text.append(Long.toString(x >>> 20, 36)).append(' ');
        }
        return text.append('\n').toString();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("git daemon did not listen on port " + port);
    }
}

package io.ddbgitops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;

/**
 * Start-up against a hello-world jar on the same JVM, over interleaved rounds: {@code --version} (start to exit)
 * and a {@code plan} up to its first AWS request (start to the request's arrival at a stand-in endpoint on
 * loopback). Each variant is a jar, optionally with an AppCDS archive. Usage (bench/startup.sh builds the jars):
 * {@code StartupBench ROUNDS HELLO.jar LABEL=JAR[@ARCHIVE.jsa]...}
 */
public final class StartupBench {
    /** Credentials in the environment, as a pod with IRSA or a CI job has them: no instance-metadata probing. */
    private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "AKIDBENCH", "AWS_SECRET_ACCESS_KEY",
            "bench", "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true");

    private record Variant(String label, String jar, List<String> jvmOptions) {
        static Variant parse(String spec) {
            String[] labelled = spec.split("=", 2);
            String[] jarAndArchive = labelled[1].split("@", 2);
            List<String> options = jarAndArchive.length == 2
                    ? List.of("-XX:SharedArchiveFile=" + jarAndArchive[1], "-Xshare:auto") : List.of();
            return new Variant(labelled[0], jarAndArchive[0], options);
        }

        List<String> command(String... args) {
            List<String> command = new ArrayList<>(List.of(Timings.java()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar));
            command.addAll(List.of(args));
            return command;
        }
    }

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        String hello = args[1];
        List<Variant> variants = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            variants.add(Variant.parse(args[i]));
        }
        Path work = Files.createTempDirectory("ddb-gitops-bench-startup");
        String repo = repository(work);
        Timings versions = new Timings();
        Timings firstRequests = new Timings();
        try (FirstRequests endpoint = new FirstRequests()) {
            for (int round = 1; round <= rounds; round++) {
                long helloNanos = Timings.untilExit(List.of(Timings.java(), "-jar", hello), ENV);
                versions.add("hello-world jar (start to exit)", helloNanos);
                firstRequests.add("hello-world jar (start to exit)", helloNanos);
                for (Variant variant : variants) {
                    versions.add(variant.label() + " --version", Timings.untilExit(variant.command("--version"), ENV));
                    firstRequests.add(variant.label() + " plan: first AWS request",
                            untilFirstRequest(endpoint, variant.command("plan", "--repo", repo, "--endpoint-url",
                                    endpoint.url()), work.resolve(variant.label() + ".log")));
                }
                System.out.printf("round %d of %d done%n", round, rounds);
            }
        }
        versions.print("--version", "hello-world jar (start to exit)");
        firstRequests.print("start-up to the first AWS request", "hello-world jar (start to exit)");
        Timings.cleanUp(work);
    }

    private static long untilFirstRequest(FirstRequests endpoint, List<String> command, Path log) throws Exception {
        FirstRequests.Round round = endpoint.next();
        long started = System.nanoTime();
        Process process = Timings.start(command, ENV, log);
        try {
            if (!FirstRequests.await(round.anyRequest, process, 300)) {
                throw new IllegalStateException("no request from: " + String.join(" ", command) + " (see " + log + ")");
            }
            return round.firstRequestAt - started;
        } finally {
            Timings.stop(process);
        }
    }

    /** A bare repository with one manifest, so that plan gets as far as reading a table. */
    static String repository(Path work) throws Exception {
        Path bare = work.resolve("config.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
        Path seed = work.resolve("seed");
        try (Git git = Git.init().setInitialBranch("main").setDirectory(seed.toFile()).call()) {
            Files.createDirectories(seed.resolve("manifests"));
            Files.writeString(seed.resolve("manifests/orders.yaml"), "apiVersion: prsn.io/v1\nkind: Dynamodb\n"
                    + "metadata:\n  name: orders\n  namespace: bench\nspec:\n  region: us-east-1\n"
                    + "  tablename: BenchOrders\n  pri_key_attributename: id\n  pri_key_attributetype: S\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("seed").setAuthor("bench", "bench@localhost").setCommitter("bench", "bench@localhost")
                    .setSign(false).call();
            git.push().setRemote(bare.toString()).add("main").call();
        }
        return bare.toUri().toString();
    }
}

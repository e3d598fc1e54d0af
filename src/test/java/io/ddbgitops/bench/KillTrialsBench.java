package io.ddbgitops.bench;

import io.ddbgitops.aws.AwsSettings;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.backup.BackupNames;
import io.ddbgitops.reconcile.ConfigRepo;
import io.ddbgitops.reconcile.Manifests;
import io.ddbgitops.report.ReportJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kill -9 trials of {@code apply}. A {@code local-endpoint --data-dir} runs in its own JVM; each trial commits a change
 * to every table (more read capacity) and is an hour later than the last (so every scheduled backup has a new slot),
 * starts {@code apply} in a separate JVM, kills it with SIGKILL after a random delay within the time a whole apply
 * takes, and then runs {@code apply} again until it exits 0. After each trial: no table deleted, no two backups for
 * one schedule slot, every report.json ever pushed parses, every seeded item is there. Run with
 * {@code bench/kill-trials.sh [trials] [tables] [seed]}; loopback only; not part of {@code mvn verify}.
 */
public final class KillTrialsBench {
    private static final String REGION = "us-east-1";
    private static final Instant BASE = Instant.parse("2026-12-01T00:30:00Z");
    private static final Pattern LISTENING = Pattern.compile("local endpoint: (http://\\S+)");

    private final Path dir;
    private final ConfigRepo repo;
    private final URI endpoint;
    private final int tables;

    private KillTrialsBench(Path dir, ConfigRepo repo, URI endpoint, int tables) {
        this.dir = dir;
        this.repo = repo;
        this.endpoint = endpoint;
        this.tables = tables;
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int tables = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        Path dir = Files.createTempDirectory("ddb-gitops-kill-");
        Process endpointProcess = java(dir.resolve("endpoint.log"), "local-endpoint", "--port", "0", "--data-dir",
                dir.resolve("data").toString());
        try (ConfigRepo repo = ConfigRepo.create(dir.resolve("repo"))) {
            URI url = awaitListening(endpointProcess);
            new KillTrialsBench(dir, repo, url, tables).run(trials, new Random(seed));
        } finally {
            endpointProcess.destroy();
            endpointProcess.waitFor(30, TimeUnit.SECONDS);
            cleanUp(dir);
        }
    }

    /**
     * Removes the bench's directory and the checkouts of the runs it killed (a killed run cannot remove its own; their
     * paths are in the runs' logs).
     */
    private static void cleanUp(Path dir) throws IOException {
        Pattern checkout = Pattern.compile("at (\\S+)/checkout");
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                Matcher m = checkout.matcher(Files.readString(log, StandardCharsets.UTF_8));
                while (m.find()) {
                    Path killed = Path.of(m.group(1));
                    if (killed.getFileName().toString().startsWith("ddb-gitops-")) {
                        deleteTree(killed);
                    }
                }
            }
        }
        deleteTree(dir);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void run(int trials, Random random) throws Exception {
        List<String> seeded = new ArrayList<>();
        try (DynamoDbClients clients = clients()) {
            for (int i = 0; i < tables; i += 5) {
                SeededTables.create(clients.forRegion(REGION), table(i), "it/" + name(i));
                seeded.add(table(i));
            }
        }
        repo.commit("tables", manifests(0));
        long startedFirst = System.nanoTime();
        int first = untilClean(BASE, 5);
        Duration whole = Duration.ofNanos(System.nanoTime() - startedFirst);
        System.out.printf("first apply: %d run(s), %d ms; kills land at random within that%n", first, whole.toMillis());
        int killed = 0;
        int finishedFirst = 0;
        int moreThanOneExtra = 0;
        int notConverged = 0;
        int attempts = 0;
        int duplicates = 0;
        int deleted = 0;
        int badReports = 0;
        int lost = 0;
        while (killed < trials && attempts < trials * 2) {
            attempts++;
            Instant now = BASE.plus(Duration.ofHours(attempts));
            repo.commit("trial " + attempts, manifests(attempts));
            long delay = 200 + random.nextInt((int) Math.max(1, whole.toMillis()));
            Process apply = apply(now, "trial-" + attempts);
            boolean finished = apply.waitFor(delay, TimeUnit.MILLISECONDS);
            if (finished) {
                finishedFirst++;
            } else {
                apply.destroyForcibly().waitFor(); // SIGKILL on Linux: no shutdown hook, no finally
                killed++;
            }
            int extra = untilClean(now, 5);
            if (extra < 0) {
                notConverged++;
            } else if (extra > 1) {
                moreThanOneExtra++;
            }
            Check check = check(seeded);
            duplicates += check.duplicates;
            deleted += check.deleted;
            badReports += check.badReports;
            lost += check.lost;
            System.out.printf("trial %d: %s after %d ms; extra runs to converge: %s; %s%n", attempts,
                    finished ? "finished before the kill" : "killed", delay, extra < 0 ? "did not converge" : extra,
                    check);
        }
        System.out.printf("%nkill -9 trials of apply: %d killed (%d more finished before their kill point); %d needed"
                        + " more than one extra run, %d did not converge in 5; duplicate backups for a slot %d; tables"
                        + " deleted %d; report.json versions that do not parse %d (of %d pushed); items checked %d"
                        + " per trial, lost %d%n", killed, finishedFirst, moreThanOneExtra, notConverged, duplicates,
                deleted, badReports, repo.history("drift/report.json").size(),
                seeded.size() * SeededTables.ITEMS_PER_TABLE, lost);
    }

    private record Check(int duplicates, int deleted, int badReports, int lost) {
        @Override
        public String toString() {
            return "duplicates " + duplicates + ", deleted " + deleted + ", bad reports " + badReports + ", lost "
                    + lost;
        }
    }

    private Check check(List<String> seeded) throws Exception {
        try (DynamoDbClients clients = clients()) {
            DynamoDbClient client = clients.forRegion(REGION);
            List<String> live = client.listTablesPaginator(r -> r.limit(100)).tableNames().stream().toList();
            int deleted = 0;
            for (int i = 0; i < tables; i++) {
                deleted += live.contains(table(i)) ? 0 : 1;
            }
            Map<String, Integer> perSlot = new HashMap<>();
            String next = null;
            do {
                String from = next;
                var page = client.listBackups(r -> r.exclusiveStartBackupArn(from));
                for (BackupSummary b : page.backupSummaries()) {
                    if (BackupNames.scheduledFireTime(b.tableName(), b.backupName()).isPresent()) {
                        perSlot.merge(b.backupName(), 1, Integer::sum);
                    }
                }
                next = page.lastEvaluatedBackupArn();
            } while (next != null);
            int duplicates = perSlot.values().stream().mapToInt(n -> n - 1).sum();
            int bad = (int) repo.history("drift/report.json").stream()
                    .filter(json -> ReportJson.read(json).isEmpty()).count();
            int lost = 0;
            for (String table : seeded) {
                lost += SeededTables.lost(client, table);
            }
            return new Check(duplicates, deleted, bad, lost);
        }
    }

    /** Runs apply until it exits 0; the number of runs, or -1 when {@code max} were not enough. */
    private int untilClean(Instant now, int max) throws Exception {
        for (int run = 1; run <= max; run++) {
            Process apply = apply(now, "rerun");
            if (!apply.waitFor(10, TimeUnit.MINUTES)) {
                apply.destroyForcibly().waitFor();
                throw new IllegalStateException("apply did not end in 10 minutes");
            }
            if (apply.exitValue() == 0) {
                return run;
            }
        }
        return -1;
    }

    private Process apply(Instant now, String label) throws IOException {
        return java(dir.resolve("apply-" + label + ".log"), "apply", "--repo", repo.url(), "--endpoint-url",
                endpoint.toString(), "--now", now.toString(), "--timeout", "PT5M");
    }

    private DynamoDbClients clients() {
        return new DynamoDbClients(AwsSettings.endpoint(endpoint));
    }

    private Map<String, String> manifests(int trial) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < tables; i++) {
            String yaml = Manifests.table(name(i), REGION, table(i), 5 + trial, 5, i % 2 == 0);
            if (i % 4 == 0) {
                yaml += "    backup:\n      schedule: \"0 0 * * * ?\"\n      retain: 3\n";
            }
            files.put("manifests/" + name(i) + ".yaml", yaml);
        }
        return files;
    }

    private static String name(int i) {
        return String.format("k%02d", i);
    }

    private static String table(int i) {
        return String.format("Kill%02d", i);
    }

    /** A JVM running the command line with this bench's class path, its output appended to {@code log}. */
    private static Process java(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.ddbgitops.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (args[0].equals("local-endpoint")) {
            return builder.start();
        }
        return builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static URI awaitListening(Process endpoint) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(endpoint.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "endpoint-output");
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new IllegalStateException("the local endpoint ended before it listened");
    }
}

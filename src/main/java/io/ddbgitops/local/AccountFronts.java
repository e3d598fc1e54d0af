package io.ddbgitops.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One front per AWS account: its own tags, PITR history, backups, scaling targets and in-progress work, and its own
 * databases in DynamoDB Local (one access key per account, {@link SigV4Authorization#engineKey}; DynamoDB Local
 * keeps a database per key and region). An account's front is made on its first request. With a data directory,
 * the default account keeps {@code front/} as before and every other account {@code accounts/ID/front/}, found
 * again on start.
 */
final class AccountFronts {
    /** One account's front and its way into DynamoDB Local. */
    record Front(String account, Engine engine, FrontOperations operations) {
    }

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    private final Optional<Path> dataDir;
    private final int enginePort;
    private final Clock clock;
    private final Map<String, Front> fronts = new ConcurrentHashMap<>();
    private volatile Delays delays = Delays.NONE;
    /** One S3 for every account, as buckets are reached across accounts. */
    private final S3StandIn s3 = new S3StandIn();

    private AccountFronts(Optional<Path> dataDir, int enginePort, Clock clock) {
        this.dataDir = dataDir;
        this.enginePort = enginePort;
        this.clock = clock;
    }

    /** The default account's front, and every account's that the data directory holds, recovered. */
    static AccountFronts start(Optional<Path> dataDir, int enginePort, Clock clock) throws IOException {
        AccountFronts fronts = new AccountFronts(dataDir, enginePort, clock);
        try {
            fronts.of(TableArns.ACCOUNT);
            fronts.storedAccounts().forEach(fronts::of);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return fronts;
    }

    Front of(String account) {
        return fronts.computeIfAbsent(account, this::create);
    }

    Front defaultFront() {
        return of(TableArns.ACCOUNT);
    }

    Collection<Front> all() {
        return List.copyOf(fronts.values());
    }

    Delays delays() {
        return delays;
    }

    S3StandIn s3() {
        return s3;
    }

    /** Applies to every account, and to accounts first seen later. */
    void setDelays(Delays value) {
        delays = value;
        fronts.values().forEach(f -> f.operations().slowWork().setDelays(value));
    }

    private Front create(String account) {
        try {
            return created(account);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local endpoint's state of account " + account, e);
        }
    }

    private Front created(String account) throws IOException {
        Optional<Path> dir = dataDir.map(d -> account.equals(TableArns.ACCOUNT) ? d.resolve("front")
                : d.resolve("accounts").resolve(account).resolve("front"));
        FrontState state = dir.isPresent() ? FrontState.persistentIn(new StateFiles(dir.get())) : FrontState.inMemory();
        ScalingState scaling = dir.isPresent() ? ScalingState.persistentIn(dir.get()) : ScalingState.inMemory();
        PitrHistory history = dir.isPresent() ? PitrHistory.persistentIn(dir.get().resolve("pitr"))
                : PitrHistory.inMemory();
        CreateTableJournal journal = dir.isPresent()
                ? CreateTableJournal.persistentIn(dir.get().resolve("journal")) : CreateTableJournal.inMemory();
        Engine engine = new Engine(enginePort, SigV4Authorization.engineKey(account));
        FrontOperations operations = new FrontOperations(state, scaling, history, journal, engine, clock, s3);
        operations.recover();
        operations.slowWork().setDelays(delays);
        return new Front(account, engine, operations);
    }

    private List<String> storedAccounts() {
        if (dataDir.isEmpty() || !Files.isDirectory(dataDir.get().resolve("accounts"))) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(dataDir.get().resolve("accounts"))) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> ACCOUNT_ID.matcher(n).matches()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the accounts in " + dataDir.get(), e);
        }
    }
}

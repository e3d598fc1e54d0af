package io.ddbgitops.local;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DynamoDB-compatible endpoint on loopback: DynamoDB Local behind a front that adds backups, point-in-time
 * recovery settings and tags, and keeps state per region whatever credentials clients use.
 *
 * <p>ARNs: responses carry {@code arn:aws:dynamodb:<region>:000000000000:table/<name>}; DynamoDB Local's own
 * {@code arn:aws:dynamodb:ddblocal:...} form is accepted as input too.
 *
 * <p>Faults ({@link FaultPlan}) can be injected from the start, changed through {@link #faults()}, or over HTTP at
 * {@code /local-admin/faults} on the same port.
 */
public final class LocalEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalEndpoint.class);
    private static final int FRONT_THREADS = 16;

    private final HttpServer front;
    private final ExecutorService executor;
    private final DynamoDbLocalServer engine;
    private final int port;
    private final FaultInjector faults;
    private final FrontOperations operations;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalEndpoint(HttpServer front, ExecutorService executor, DynamoDbLocalServer engine,
            FaultInjector faults, FrontOperations operations) {
        this.front = front;
        this.port = front.getAddress().getPort();
        this.executor = executor;
        this.engine = engine;
        this.faults = faults;
        this.operations = operations;
    }

    /** port 0 = pick a free port. dataDir empty = everything in memory; present = state survives restarts. */
    public static LocalEndpoint start(int port, Optional<Path> dataDir) throws IOException {
        return start(port, dataDir, FaultPlan.NONE);
    }

    /** As {@link #start(int, Optional)}, injecting the plan's faults from the first request on. */
    public static LocalEndpoint start(int port, Optional<Path> dataDir, FaultPlan faultPlan) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port must be 0-65535, got " + port);
        }
        FrontState state = dataDir.isPresent()
                ? FrontState.persistentIn(new StateFiles(dataDir.get().resolve("front")))
                : FrontState.inMemory();
        ScalingState scaling = dataDir.isPresent()
                ? ScalingState.persistentIn(dataDir.get().resolve("front"))
                : ScalingState.inMemory();
        PitrHistory history = dataDir.isPresent()
                ? PitrHistory.persistentIn(dataDir.get().resolve("front").resolve("pitr"))
                : PitrHistory.inMemory();
        CreateTableJournal journal = dataDir.isPresent()
                ? CreateTableJournal.persistentIn(dataDir.get().resolve("front").resolve("journal"))
                : CreateTableJournal.inMemory();
        DynamoDbLocalServer engine = DynamoDbLocalServer.start(dataDir.map(d -> d.resolve("dynamodb")));
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, every response
        // then waits for the client's delayed ACK (about 40 ms a request). Read when the first server is created.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        ExecutorService executor = Executors.newFixedThreadPool(FRONT_THREADS, daemonThreads());
        try {
            HttpServer front = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
            Engine client = new Engine(engine.port());
            FrontOperations operations = new FrontOperations(state, scaling, history, journal, client,
                    Clock.systemUTC());
            operations.recover();
            FaultInjector faults = new FaultInjector();
            faults.set(faultPlan);
            HttpContext dynamodb = front.createContext("/", new FrontHandler(client, operations));
            dynamodb.getFilters().add(new FaultFilter(faults));
            front.createContext(FaultAdminHandler.PATH, new FaultAdminHandler(faults));
            front.setExecutor(executor);
            front.start();
            LocalEndpoint endpoint = new LocalEndpoint(front, executor, engine, faults, operations);
            LOG.info("Local DynamoDB endpoint listening on {}", endpoint.endpoint());
            return endpoint;
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            engine.close();
            throw e;
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return port;
    }

    /** The faults this endpoint injects; change them at any time. */
    public FaultInjector faults() {
        return faults;
    }

    /** Test hook: runs inside CreateTable after DynamoDB Local made the table, before the front saves its tags. */
    void afterCreateTableForward(Runnable hook) {
        operations.createTable().afterForward(hook);
    }

    /** Plays Application Auto Scaling's scaler: moves a scaled dimension's capacity inside its [min, max]. */
    public Scaler scaler() {
        return operations.scaler();
    }

    /** How long long-running work (index backfills, restores, ...) looks in progress; none by default. */
    public Delays delays() {
        return operations.slowWork().delays();
    }

    /** Applies to work started from now on. */
    public void setDelays(Delays delays) {
        operations.slowWork().setDelays(delays);
    }

    /** How long a Kinesis streaming destination stays ENABLING, UPDATING or DISABLING; none by default. */
    public void setKinesisStreamingDelay(java.time.Duration delay) {
        operations.kinesis().setDelay(delay);
    }

    /** Stops the front and DynamoDB Local; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            front.stop(0);
            executor.shutdownNow();
            engine.close();
            LOG.debug("Local DynamoDB endpoint on port {} stopped", port);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "local-endpoint-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

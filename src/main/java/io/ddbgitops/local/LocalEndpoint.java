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
 * recovery settings and tags, and keeps state per account and region: an access key id of exactly 12 digits is
 * that account, any other key account 000000000000 ({@link AccountFronts}). STS's AssumeRole hands out such keys.
 *
 * <p>ARNs: responses carry {@code arn:aws:dynamodb:<region>:<account>:table/<name>}; DynamoDB Local's own
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
    private final AccountFronts fronts;
    private final StsRoles roles;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalEndpoint(HttpServer front, ExecutorService executor, DynamoDbLocalServer engine,
            FaultInjector faults, AccountFronts fronts, StsRoles roles) {
        this.front = front;
        this.port = front.getAddress().getPort();
        this.executor = executor;
        this.engine = engine;
        this.faults = faults;
        this.fronts = fronts;
        this.roles = roles;
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
        DynamoDbLocalServer engine = DynamoDbLocalServer.start(dataDir.map(d -> d.resolve("dynamodb")));
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, every response
        // then waits for the client's delayed ACK (about 40 ms a request). Read when the first server is created.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        ExecutorService executor = Executors.newFixedThreadPool(FRONT_THREADS, daemonThreads());
        try {
            HttpServer front = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
            AccountFronts fronts = AccountFronts.start(dataDir, engine.port(), Clock.systemUTC());
            StsRoles roles = new StsRoles();
            FaultInjector faults = new FaultInjector();
            faults.set(faultPlan);
            HttpContext dynamodb = front.createContext("/",
                    new FrontHandler(fronts, new StsOperations(roles, Clock.systemUTC())));
            dynamodb.getFilters().add(new FaultFilter(faults));
            front.createContext(FaultAdminHandler.PATH, new FaultAdminHandler(faults));
            front.setExecutor(executor);
            front.start();
            LocalEndpoint endpoint = new LocalEndpoint(front, executor, engine, faults, fronts, roles);
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
        fronts.defaultFront().operations().createTable().afterForward(hook);
    }

    /** Plays Application Auto Scaling's scaler in the default account (000000000000). */
    public Scaler scaler() {
        return fronts.defaultFront().operations().scaler();
    }

    /** Plays Application Auto Scaling's scaler in this 12-digit account. */
    public Scaler scaler(String accountId) {
        return fronts.of(accountId).operations().scaler();
    }

    /** Which roles the endpoint's STS lets callers assume (any, until one is registered). */
    public StsRoles roles() {
        return roles;
    }

    /** How long long-running work (index backfills, restores, ...) looks in progress; none by default. */
    public Delays delays() {
        return fronts.delays();
    }

    /** Applies to work started from now on, in every account. */
    public void setDelays(Delays delays) {
        fronts.setDelays(delays);
    }

    /** How long a Kinesis destination stays ENABLING, UPDATING or DISABLING (default account; none by default). */
    public void setKinesisStreamingDelay(java.time.Duration delay) {
        fronts.defaultFront().operations().kinesis().setDelay(delay);
    }

    /**
     * The S3 that ImportTable reads: each subdirectory of {@code directory} is a bucket, each file under it an object
     * keyed by its relative path. Without one (the default) every bucket is missing.
     */
    public void setS3Directory(Optional<Path> directory) {
        fronts.s3().setRoot(directory);
    }

    /** How long an import stays IN_PROGRESS and its table CREATING (default account; none by default). */
    public void setImportDelay(java.time.Duration delay) {
        fronts.defaultFront().operations().imports().setDelay(delay);
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

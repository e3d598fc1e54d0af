package io.ddbgitops.reconcile;

import io.ddbgitops.aws.Deadline;
import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.config.LockSettings;
import io.ddbgitops.config.RepositoryConfig;
import io.ddbgitops.git.GitException;
import io.ddbgitops.git.RepoIdentity;
import io.ddbgitops.lease.LeaseHolder;
import io.ddbgitops.lease.LeaseTiming;
import io.ddbgitops.lease.RunLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import io.ddbgitops.aws.AwsErrors;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.plan.Shard;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which runs take a lease, where, and under which key. Every run that writes (apply, serve, and plan with --push)
 * takes one; a plan that only prints takes none and makes no call to the lock table. The lock table is the repository
 * config's {@code lock:}, else {@value #DEFAULT_TABLE} in the SDK's default region (us-east-1 on a custom endpoint).
 */
final class RunLeases {
    static final String DEFAULT_TABLE = "ddb-gitops-locks";
    static final String ENDPOINT_REGION = "us-east-1";
    /** The lease's name within a repository and branch; a shard's is {@code lock-I-of-N}. */
    static final String LEASE_NAME = "lock";
    private static final Logger LOG = LoggerFactory.getLogger(RunLeases.class);

    private final DynamoDbClients clients;
    private final LeaseTiming timing;

    RunLeases(DynamoDbClients clients, LeaseTiming timing) {
        this.clients = clients;
        this.timing = timing;
    }

    static boolean needed(RunRequest request) {
        return request.mode() == RunRequest.Mode.APPLY || request.push();
    }

    /** The key of a repository's lease: its URL without credentials, the branch, and the lease's name. */
    static String key(String repo, String branch) throws GitException {
        return key(repo, branch, Shard.ALL);
    }

    /** A shard's lease ({@code #lock-I-of-N}): shards of one run work side by side, never two runs of one shard. */
    static String key(String repo, String branch, Shard shard) throws GitException {
        return RepoIdentity.of(repo) + "#" + branch + "#" + LEASE_NAME + (shard.isAll() ? "" : "-" + shard.name());
    }

    /** Takes the lease when the run needs one, into {@code slot}, which releases it when the run ends. */
    void take(RunRequest request, RepositoryConfig config, String branch, Shard shard, Slot slot)
            throws GitException, InterruptedIOException {
        if (!needed(request)) {
            return;
        }
        LockSettings lock = config.lock().orElseGet(() -> new LockSettings(Optional.empty(), defaultRegion(),
                DEFAULT_TABLE));
        lock.account().filter(a -> !a.equals(RepositoryConfig.DEFAULT_ACCOUNT)).ifPresent(a -> LOG.warn(
                "lock.account {}: not used yet (the lease predates accounts); the lock table is reached with the default "
                        + "credential chain", a));
        // the run's --timeout bounds the wait too: a run never outlives its deadline waiting for another one
        LeaseTiming bounded = timing.withWait(clients.settings().deadline().cap(timing.maxWait()));
        // the holder's run id is the one on the run's log lines (the CLI's run_id), so the two can be matched
        LeaseHolder me = Optional.ofNullable(MDC.get("run_id")).map(LeaseHolder::thisRun)
                .orElseGet(LeaseHolder::thisRun);
        // the lock client's calls outlive the run's deadline (heartbeat while the report is pushed, release);
        // each is still bounded by the call timeouts, and the wait for the lease by the deadline (above)
        slot.leaseClients = Optional.of(new DynamoDbClients(clients.settings().withDeadline(Deadline.none())));
        try {
            slot.held = Optional.of(RunLease.take(clients.forRegion(lock.region()),
                    slot.leaseClients.get().forRegion(lock.region()), lock.table(), key(request.repo(), branch, shard),
                    me, bounded));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the lease");
        } catch (SdkException e) {
            throw new LeaseUnavailableException("cannot take the lease in the lock table " + lock.table() + " ("
                    + lock.region() + "): " + AwsErrors.describe(e), e);
        }
    }

    /**
     * The lock table as the listing of undeclared tables must skip it: the configured table in its region, or a
     * table of the default name in any region (its region is not resolved for a run that takes no lease).
     */
    static Predicate<TableId> isLockTable(RepositoryConfig config) {
        return config.lock().<Predicate<TableId>>map(l -> id -> id.region().equals(l.region())
                        && id.tableName().equals(l.table()))
                .orElse(id -> id.tableName().equals(DEFAULT_TABLE));
    }

    /** The lock table could not be reached or created: the run stops before it reads any table (exit code 1). */
    static final class LeaseUnavailableException extends RuntimeException {
        LeaseUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private String defaultRegion() {
        if (clients.settings().endpoint().isPresent()) {
            return ENDPOINT_REGION;
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkClientException e) {
            throw new IllegalArgumentException("no region for the lock table: set lock: {region: ..., table: ...} in "
                    + RepositoryConfig.FILE + " or AWS_REGION", e);
        }
    }

    /** Holds the run's lease, if it took one, until the run ends. */
    static final class Slot implements AutoCloseable {
        private Optional<RunLease> held = Optional.empty();
        private Optional<DynamoDbClients> leaseClients = Optional.empty();

        @Override
        public void close() {
            try {
                held.ifPresent(RunLease::close);
            } finally {
                leaseClients.ifPresent(DynamoDbClients::close);
            }
        }
    }
}

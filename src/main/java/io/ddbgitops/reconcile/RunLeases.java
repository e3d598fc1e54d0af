package io.ddbgitops.reconcile;

import io.ddbgitops.aws.DynamoDbClients;
import io.ddbgitops.config.LockSettings;
import io.ddbgitops.config.RepositoryConfig;
import io.ddbgitops.git.GitException;
import io.ddbgitops.git.RepoIdentity;
import io.ddbgitops.lease.LeaseHolder;
import io.ddbgitops.lease.LeaseKeys;
import io.ddbgitops.lease.LeaseTiming;
import io.ddbgitops.lease.RunLease;
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
 * config's {@code lock:}, in its {@code account} (reached with that account's role, through the run's own clients),
 * else {@value #DEFAULT_TABLE} in the SDK's default region (us-east-1 on a custom endpoint) of the default chain.
 */
final class RunLeases {
    static final String DEFAULT_TABLE = "ddb-gitops-locks";
    static final String ENDPOINT_REGION = "us-east-1";

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
        return keys(repo, branch, shard).own();
    }

    /** The run's lease, and the gate and other runs' leases it must respect ({@link LeaseKeys}). */
    static LeaseKeys keys(String repo, String branch, Shard shard) throws GitException {
        return new LeaseKeys(RepoIdentity.of(repo) + "#" + branch, shard.index(), shard.count());
    }

    /** Takes the lease when the run needs one, into {@code slot}, which releases it when the run ends. */
    void take(RunRequest request, RepositoryConfig config, String branch, Shard shard, Slot slot)
            throws GitException, InterruptedIOException {
        if (!needed(request)) {
            return;
        }
        LockSettings lock = config.lock().orElseGet(() -> new LockSettings(Optional.empty(), defaultRegion(),
                DEFAULT_TABLE));
        String account = lock.account().orElse(RepositoryConfig.DEFAULT_ACCOUNT);
        // the run's --timeout bounds the wait too: a run never outlives its deadline waiting for another one
        LeaseTiming bounded = timing.capped(clients.settings().deadline()::cap);
        // the holder's run id is the one on the run's log lines (the CLI's run_id), so the two can be matched
        LeaseHolder me = Optional.ofNullable(MDC.get("run_id")).map(LeaseHolder::thisRun)
                .orElseGet(LeaseHolder::thisRun);
        // the lock client's calls outlive the run's deadline (heartbeat while the report is pushed, release);
        // each is still bounded by the call timeouts, and the wait for the lease by the deadline (above); they sign
        // with the same cached credentials as the run's clients (one assumed session per account)
        slot.leaseClients = Optional.of(clients.withoutDeadline());
        try {
            slot.held = Optional.of(RunLease.take(clients.dynamoDb(account, lock.region()),
                    slot.leaseClients.get().dynamoDb(account, lock.region()), lock.table(),
                    keys(request.repo(), branch, shard), me, bounded));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the lease");
        } catch (SdkException e) {
            throw new LeaseUnavailableException("cannot take the lease in the lock table " + lock.table() + " ("
                    + (account.equals(RepositoryConfig.DEFAULT_ACCOUNT) ? "" : account + ":") + lock.region() + "): "
                    + AwsErrors.describe(e), e);
        }
    }

    /**
     * The lock table as the listing of undeclared tables must skip it: the configured table in its account and
     * region, or a table of the default name in any region of the default account (its region is not resolved for a
     * run that takes no lease).
     */
    static Predicate<TableId> isLockTable(RepositoryConfig config) {
        return config.lock().<Predicate<TableId>>map(l -> id -> id.region().equals(l.region())
                        && id.tableName().equals(l.table())
                        && id.account().equals(l.account().orElse(RepositoryConfig.DEFAULT_ACCOUNT)))
                .orElse(id -> id.tableName().equals(DEFAULT_TABLE) && id.inDefaultAccount());
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

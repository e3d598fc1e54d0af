package io.ddbgitops.reconcile;

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
import io.ddbgitops.aws.AwsErrors;
import io.ddbgitops.manifest.TableId;
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
    /** The lease's name within a repository and branch; sharding will take {@code lock-I-of-N} here. */
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
        return RepoIdentity.of(repo) + "#" + branch + "#" + LEASE_NAME;
    }

    /** Takes the lease when the run needs one, into {@code slot}, which releases it when the run ends. */
    void take(RunRequest request, RepositoryConfig config, String branch, Slot slot)
            throws GitException, InterruptedIOException {
        if (!needed(request)) {
            return;
        }
        LockSettings lock = config.lock().orElseGet(() -> new LockSettings(Optional.empty(), defaultRegion(),
                DEFAULT_TABLE));
        lock.account().filter(a -> !a.equals(RepositoryConfig.DEFAULT_ACCOUNT)).ifPresent(a -> LOG.warn(
                "lock.account {}: accounts are not implemented yet; the lock table is reached with the default "
                        + "credential chain", a));
        try {
            slot.held = Optional.of(RunLease.take(clients.forRegion(lock.region()), lock.table(), key(request.repo(),
                    branch), LeaseHolder.thisRun(), timing));
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

        @Override
        public void close() {
            held.ifPresent(RunLease::close);
        }
    }
}

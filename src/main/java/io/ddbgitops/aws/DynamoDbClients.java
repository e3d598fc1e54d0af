package io.ddbgitops.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.kms.KmsClient;

import io.ddbgitops.config.Account;
import io.ddbgitops.manifest.TableId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One SDK client per account, region and service (DynamoDB, Application Auto Scaling for the tables' scaling, and KMS
 * to resolve key aliases),
 * built the same way everywhere: same endpoint override, region and credentials, bounded call timeouts, the SDK's
 * adaptive retries ({@link Retries}) and the run's deadline ({@link DeadlineInterceptor}). Clients are made when
 * first asked for and reused; they are thread-safe, so parallel tables share them. Closing this closes them all.
 *
 * <p>A table in the default account ({@link TableId#DEFAULT_ACCOUNT}) is reached with the default credential
 * chain; a table in a named account with that account's role ({@link AssumedRoles}), so one account's credentials
 * never sign a call on another account's table.
 */
public final class DynamoDbClients implements AutoCloseable {
    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;
    private final AssumedRoles roles;
    /** False for a {@link #withoutDeadline()} view, which borrows its parent's assumed roles. */
    private final boolean ownsRoles;
    private volatile Map<String, Account> accounts = Map.of();
    private final Map<ClientKey, DynamoDbClient> clients = new ConcurrentHashMap<>();
    private final Map<ClientKey, ApplicationAutoScalingClient> scalingClients = new ConcurrentHashMap<>();
    private final Map<ClientKey, KmsClient> kmsClients = new ConcurrentHashMap<>();
    private final ControlPlaneSlots controlPlane = new ControlPlaneSlots();

    /** Empty account: the default credential chain. Keyed by the whole definition, so a changed role is new. */
    private record ClientKey(Optional<Account> account, String region) {
    }

    private KmsAliases kmsAliases;

    public DynamoDbClients(AwsSettings settings) {
        this.settings = settings;
        // placeholders only for a stand-in endpoint: never towards AWS itself, even when named with --endpoint-url
        this.credentials = settings.endpoint().filter(e -> !isAws(e)).isPresent()
                ? new DefaultOrPlaceholder(DefaultCredentialsProvider.builder().build())
                : DefaultCredentialsProvider.builder().build();
        this.roles = new AssumedRoles(settings, credentials);
        this.ownsRoles = true;
    }

    private DynamoDbClients(DynamoDbClients parent, AwsSettings settings) {
        this.settings = settings;
        this.credentials = parent.credentials;
        this.roles = parent.roles;
        this.ownsRoles = false;
        this.accounts = parent.accounts;
    }

    /**
     * Clients like these, not bound to the run's deadline, that sign with the same cached providers: the default
     * chain's and each account's assumed role (so no second AssumeRole per account). The run lease's heartbeat and
     * release use them, as they must still be sent after the deadline while the report is pushed. The accounts are
     * those known now ({@link #useAccounts}). Closing the view closes its own clients only; the providers stay with
     * this instance, which must outlive it. A role session that needs refreshing after the deadline cannot be
     * (its STS calls are bound to the deadline); the lease then lapses as when a heartbeat fails.
     */
    public DynamoDbClients withoutDeadline() {
        return new DynamoDbClients(this, settings.withDeadline(Deadline.none()));
    }

    /** An endpoint of AWS itself (a regional, FIPS or VPC endpoint), where placeholder credentials must not go. */
    static boolean isAws(java.net.URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(java.util.Locale.ROOT);
        return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn") || host.endsWith(".api.aws");
    }

    public AwsSettings settings() {
        return settings;
    }

    /**
     * The accounts table ids may name: the repository config's, read by each run. A client already made for an
     * account whose definition is unchanged is reused.
     */
    public void useAccounts(Map<String, Account> definitions) {
        this.accounts = Map.copyOf(definitions);
    }

    /** The credentials every default-account client signs with (the pre-flight probe uses the same). */
    AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** The run's count of table operations in flight per account and region (shared by every table task). */
    public ControlPlaneSlots controlPlane() {
        return controlPlane;
    }

    /** DynamoDB in this region of the default credential chain's account. */
    public DynamoDbClient forRegion(String region) {
        return dynamoDb(TableId.DEFAULT_ACCOUNT, region);
    }

    /** DynamoDB where the table lives: its account and region. */
    public DynamoDbClient forTable(TableId id) {
        return dynamoDb(id.account(), id.region());
    }

    /** DynamoDB in this region of the named account ({@link TableId#DEFAULT_ACCOUNT}: the default chain's). */
    public DynamoDbClient dynamoDb(String account, String region) {
        return clients.computeIfAbsent(key(account, region), k -> build(DynamoDbClient.builder(), k));
    }

    /** Application Auto Scaling in this region of the default account. */
    public ApplicationAutoScalingClient autoScaling(String region) {
        return autoScaling(TableId.DEFAULT_ACCOUNT, region);
    }

    /** KMS aliases per account and region, read at most once while these clients live. */
    synchronized KmsAliases kmsAliases() {
        if (kmsAliases == null) {
            kmsAliases = new KmsAliases(this);
        }
        return kmsAliases;
    }

    /** The credentials calls in the named account sign with (the per-account pre-flight resolves them once). */
    AwsCredentialsProvider credentials(String account) {
        return key(account, "").account().map(roles::credentials).orElse(credentials);
    }

    /** KMS in this region of the named account; the local endpoint serves its KMS stand-in on the same port. */
    KmsClient kms(String account, String region) {
        return kmsClients.computeIfAbsent(key(account, region), k -> build(KmsClient.builder(), k));
    }

    /** Application Auto Scaling where the table lives; the local endpoint serves it on the same port as DynamoDB. */
    public ApplicationAutoScalingClient autoScaling(TableId id) {
        return autoScaling(id.account(), id.region());
    }

    public ApplicationAutoScalingClient autoScaling(String account, String region) {
        return scalingClients.computeIfAbsent(key(account, region),
                k -> build(ApplicationAutoScalingClient.builder(), k));
    }

    private ClientKey key(String account, String region) {
        if (account.equals(TableId.DEFAULT_ACCOUNT)) {
            return new ClientKey(Optional.empty(), region);
        }
        Account definition = accounts.get(account);
        if (definition == null) {
            // the run refuses such manifests before any table is read; reaching here is a bug, not bad input
            throw new IllegalStateException("account " + account + " is not defined in the repository config");
        }
        return new ClientKey(Optional.of(definition), region);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, ClientKey key) {
        AwsSettings.CallTimeouts timeouts = settings.timeouts();
        builder.region(Region.of(key.region()))
                .credentialsProvider(key.account().map(roles::credentials).orElse(credentials))
                // DynamoDB Local brings a second HTTP implementation onto the classpath; name ours.
                .httpClientBuilder(httpClient(timeouts))
                .overrideConfiguration(c -> {
                    c.apiCallTimeout(timeouts.apiCall())
                            .apiCallAttemptTimeout(timeouts.attempt())
                            .retryStrategy(Retries.strategy())
                            .addExecutionInterceptor(new DeadlineInterceptor(settings.deadline(), timeouts.apiCall()));
                    settings.interceptors().forEach(c::addExecutionInterceptor);
                });
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static ApacheHttpClient.Builder httpClient(AwsSettings.CallTimeouts timeouts) {
        return ApacheHttpClient.builder()
                .connectionTimeout(timeouts.connect())
                .socketTimeout(timeouts.read())
                .connectionAcquisitionTimeout(timeouts.connect())
                // every table task may have one call in flight on a client, and none should queue for a connection
                .maxConnections(Concurrency.MAX_PARALLELISM);
    }

    @Override
    public void close() {
        clients.values().forEach(DynamoDbClient::close);
        clients.clear();
        scalingClients.values().forEach(ApplicationAutoScalingClient::close);
        scalingClients.clear();
        kmsClients.values().forEach(KmsClient::close);
        kmsClients.clear();
        synchronized (this) {
            kmsAliases = null;
        }
        if (ownsRoles) {
            roles.close();
        }
    }

    /** Real credentials when the environment has them; otherwise fixed ones a local endpoint accepts. */
    private static final class DefaultOrPlaceholder implements AwsCredentialsProvider {
        private static final AwsCredentials PLACEHOLDER = AwsBasicCredentials.create("ddbgitops", "local");
        private final AwsCredentialsProvider delegate;
        private volatile AwsCredentials fallback;

        DefaultOrPlaceholder(AwsCredentialsProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            if (fallback != null) {
                return fallback;
            }
            try {
                return delegate.resolveCredentials();
            } catch (SdkClientException noCredentials) {
                fallback = PLACEHOLDER;
                return fallback;
            }
        }
    }
}

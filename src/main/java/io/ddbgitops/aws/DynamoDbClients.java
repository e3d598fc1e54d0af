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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One SDK client per region and service (DynamoDB, and Application Auto Scaling for the tables' scaling), built the
 * same way everywhere: same endpoint override, region and credentials, bounded call timeouts, the SDK's adaptive
 * retries ({@link Retries}) and the run's deadline ({@link DeadlineInterceptor}). Closing this closes them all.
 */
public final class DynamoDbClients implements AutoCloseable {
    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;
    private final Map<String, DynamoDbClient> clients = new ConcurrentHashMap<>();
    private final Map<String, ApplicationAutoScalingClient> scalingClients = new ConcurrentHashMap<>();

    public DynamoDbClients(AwsSettings settings) {
        this.settings = settings;
        // placeholders only for a stand-in endpoint: never towards AWS itself, even when named with --endpoint-url
        this.credentials = settings.endpoint().filter(e -> !isAws(e)).isPresent()
                ? new DefaultOrPlaceholder(DefaultCredentialsProvider.builder().build())
                : DefaultCredentialsProvider.builder().build();
    }

    /** An endpoint of AWS itself (a regional, FIPS or VPC endpoint), where placeholder credentials must not go. */
    static boolean isAws(java.net.URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(java.util.Locale.ROOT);
        return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn") || host.endsWith(".api.aws");
    }

    public AwsSettings settings() {
        return settings;
    }

    /** The credentials every client signs with (the pre-flight probe uses the same). */
    AwsCredentialsProvider credentials() {
        return credentials;
    }

    public DynamoDbClient forRegion(String region) {
        return clients.computeIfAbsent(region, r -> build(DynamoDbClient.builder(), r));
    }

    /** Application Auto Scaling in this region; the local endpoint serves it on the same port as DynamoDB. */
    public ApplicationAutoScalingClient autoScaling(String region) {
        return scalingClients.computeIfAbsent(region, r -> build(ApplicationAutoScalingClient.builder(), r));
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String region) {
        AwsSettings.CallTimeouts timeouts = settings.timeouts();
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                // DynamoDB Local brings a second HTTP implementation onto the classpath; name ours.
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(timeouts.connect())
                        .socketTimeout(timeouts.read())
                        .connectionAcquisitionTimeout(timeouts.connect()))
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

    @Override
    public void close() {
        clients.values().forEach(DynamoDbClient::close);
        clients.clear();
        scalingClients.values().forEach(ApplicationAutoScalingClient::close);
        scalingClients.clear();
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

package io.ddbgitops.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Duration;

/**
 * Checks, once and before any table is read, what would otherwise fail for every table in turn: that the SDK's
 * default credential chain finds credentials (against AWS), and that an overridden endpoint answers at all. Each
 * failure is one {@link PreflightException} whose message is the one line to print.
 */
public final class Preflight {
    /** How long the probe waits for a connection: a refused one fails at once, a silent host after this. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /**
     * How long an endpoint that accepted the connection may take to answer the probe: a busy endpoint (a local one
     * warming up) is there, and slow answers are the run's business, not a reason to refuse to start.
     */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private Preflight() {}

    /** Thrown when the run cannot start; the message is one line naming what to fix. */
    public static final class PreflightException extends RuntimeException {
        PreflightException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static void check(DynamoDbClients clients) {
        AwsSettings settings = clients.settings();
        if (settings.endpoint().isEmpty() || DynamoDbClients.isAws(settings.endpoint().get())) {
            credentials(DefaultCredentialsProvider.builder().build());
        }
        settings.endpoint().ifPresent(e -> endpoint(e, clients.credentials()));
    }

    static void credentials(AwsCredentialsProvider chain) {
        try {
            chain.resolveCredentials();
        } catch (SdkClientException e) {
            throw new PreflightException("no AWS credentials: the SDK's default credential chain (environment, "
                    + "system properties, web identity token, ~/.aws profiles, container and instance roles) found none; "
                    + "set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_ROLE_ARN and "
                    + "AWS_WEB_IDENTITY_TOKEN_FILE (IAM roles for service accounts)", e);
        }
    }

    /** One ListTables with Limit 1: any answer, even an error, shows the endpoint is there. */
    static void endpoint(URI endpoint, AwsCredentialsProvider credentials) {
        try (DynamoDbClient probe = DynamoDbClient.builder()
                .region(Region.US_EAST_1) // an overridden endpoint serves every region name
                .endpointOverride(endpoint)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT))
                .overrideConfiguration(c -> c.apiCallTimeout(ANSWER_TIMEOUT)
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            probe.listTables(r -> r.limit(1));
        } catch (AwsServiceException answered) {
            // it answered; what the answer means is for the run to report
        } catch (SdkException e) {
            throw new PreflightException("cannot reach DynamoDB at " + endpoint + ": " + rootCause(e)
                    + " (is the endpoint running? check --endpoint-url)", e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}

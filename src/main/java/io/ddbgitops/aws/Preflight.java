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

import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

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

    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

    private Preflight() {}

    /** Thrown when the run cannot start; the message is one line naming what to fix. */
    public static final class PreflightException extends RuntimeException {
        PreflightException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static void check(DynamoDbClients clients) {
        check(clients, Optional.empty());
    }

    /** As above; the probe waits for an answer no longer than the run's {@code --timeout} budget either. */
    public static void check(DynamoDbClients clients, Optional<Duration> budget) {
        AwsSettings settings = clients.settings();
        if (settings.endpoint().isEmpty() || DynamoDbClients.isAws(settings.endpoint().get())) {
            credentials(DefaultCredentialsProvider.builder().build());
        }
        Duration answer = budget.filter(b -> b.compareTo(ANSWER_TIMEOUT) < 0).orElse(ANSWER_TIMEOUT);
        settings.endpoint().ifPresent(e -> endpoint(e, clients.credentials(), answer));
    }

    /**
     * Why the named account cannot be reached, if it cannot: its role is assumed once, through the cached provider
     * its clients sign with (so the session is reused, not asked for twice). A role that refuses (wrong external id,
     * no trust) is then one line for all of the account's tables instead of one failure per call. Empty for the
     * default credential chain, which {@link #check} covers.
     */
    public static Optional<String> refusal(DynamoDbClients clients, String account) {
        if (account.equals(io.ddbgitops.manifest.TableId.DEFAULT_ACCOUNT)) {
            return Optional.empty();
        }
        try {
            clients.credentials(account).resolveCredentials();
            return Optional.empty();
        } catch (SdkException e) {
            return Optional.of("cannot assume the role of account " + account + ": " + AwsErrors.describe(e));
        }
    }

    /** As {@link #refusal}, failing with its line. */
    public static void account(DynamoDbClients clients, String account) {
        refusal(clients, account).ifPresent(refused -> {
            throw new PreflightException(refused, null);
        });
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
        endpoint(endpoint, credentials, ANSWER_TIMEOUT);
    }

    /**
     * A refused connection or an unknown host fails the run at once. An endpoint that accepted the connection but
     * stays silent is there: the run goes on, and its call timeouts and deadline say which tables did not finish.
     */
    static void endpoint(URI endpoint, AwsCredentialsProvider credentials, Duration answerTimeout) {
        try (DynamoDbClient probe = DynamoDbClient.builder()
                .region(Region.US_EAST_1) // an overridden endpoint serves every region name
                .endpointOverride(endpoint)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(answerTimeout))
                .overrideConfiguration(c -> c.apiCallTimeout(answerTimeout)
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            probe.listTables(r -> r.limit(1));
        } catch (AwsServiceException answered) {
            // it answered; what the answer means is for the run to report
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException silent) {
            LOG.warn("DynamoDB at {} accepted the connection but did not answer within {}s; going on", endpoint,
                    answerTimeout.toSeconds());
        } catch (SdkException e) {
            if (hasCause(e, SocketTimeoutException.class)) {
                LOG.warn("DynamoDB at {} accepted the connection but did not answer within {}s; going on", endpoint,
                        answerTimeout.toSeconds());
                return;
            }
            throw new PreflightException("cannot reach DynamoDB at " + endpoint + ": " + rootCause(e)
                    + " (is the endpoint running? check --endpoint-url)", e);
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
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

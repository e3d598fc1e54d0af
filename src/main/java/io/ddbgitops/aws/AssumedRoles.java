package io.ddbgitops.aws;

import io.ddbgitops.config.Account;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One cached assume-role credentials provider per account: the SDK's {@link StsAssumeRoleCredentialsProvider}, which
 * keeps the session and refreshes it before it expires (so a long run never signs with stale credentials). STS is
 * called with the default credential chain, through the same endpoint override as DynamoDB (so the local endpoint
 * answers it), with the account's external id and session name.
 */
final class AssumedRoles implements AutoCloseable {
    static final String DEFAULT_SESSION_NAME = "ddb-gitops";
    /** STS answers for every account in every region; the global endpoint's region unless one is configured. */
    private static final String FALLBACK_REGION = "us-east-1";

    private final AwsSettings settings;
    private final AwsCredentialsProvider base;
    private final Map<Account, Assumed> providers = new ConcurrentHashMap<>();

    private record Assumed(StsClient sts, StsAssumeRoleCredentialsProvider provider) {
    }

    AssumedRoles(AwsSettings settings, AwsCredentialsProvider base) {
        this.settings = settings;
        this.base = base;
    }

    AwsCredentialsProvider credentials(Account account) {
        return providers.computeIfAbsent(account, this::assume).provider();
    }

    private Assumed assume(Account account) {
        AwsSettings.CallTimeouts timeouts = settings.timeouts();
        var builder = StsClient.builder()
                .region(Region.of(SdkSystemSetting.AWS_REGION.getStringValue().orElse(FALLBACK_REGION)))
                .credentialsProvider(base)
                .httpClientBuilder(DynamoDbClients.httpClient(timeouts))
                .overrideConfiguration(c -> c.apiCallTimeout(timeouts.apiCall())
                        .apiCallAttemptTimeout(timeouts.attempt())
                        .retryStrategy(Retries.strategy())
                        .addExecutionInterceptor(new DeadlineInterceptor(settings.deadline(), timeouts.apiCall()))
                        .executionInterceptors(withRunInterceptors(c.executionInterceptors())));
        settings.endpoint().ifPresent(builder::endpointOverride);
        StsClient sts = builder.build();
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(account.roleArn())
                .roleSessionName(account.sessionName().orElse(DEFAULT_SESSION_NAME));
        account.externalId().ifPresent(request::externalId);
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request.build())
                .build();
        return new Assumed(sts, provider);
    }

    /** The run's own interceptors (metrics, tests' recorders) see STS calls too. */
    private List<ExecutionInterceptor> withRunInterceptors(List<ExecutionInterceptor> own) {
        List<ExecutionInterceptor> all = new ArrayList<>(own);
        all.addAll(settings.interceptors());
        return all;
    }

    @Override
    public void close() {
        providers.values().forEach(a -> {
            a.provider().close();
            a.sts().close();
        });
        providers.clear();
    }
}

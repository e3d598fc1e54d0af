import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor the job is compared with: only the calls a reconciler cannot avoid, made by the plain AWS SDK v2 at a
 * given concurrency, timed from the first call to the last answer (the JVM and the client are started before the
 * clock starts, but nothing is warmed up: the job is cold too).
 *
 * <ul>
 *   <li>{@code plan}: per table DescribeTable (keys, throughput, indexes, stream, SSE, class, deletion protection,
 *   replicas), DescribeContinuousBackups (PITR has no other source), DescribeTimeToLive (TTL has no other source;
 *   a manifest without TTL means "off", so it must be checked) and ListTagsOfResource (the ownership tag decides
 *   whether the tool may touch the table). Contributor insights and auto scaling are read region-wide, once:
 *   ListContributorInsights and DescribeScalableTargets, all pages.</li>
 *   <li>{@code apply}: per table CreateTable (with the ownership tag and everything the manifest sets, as
 *   CreateTable takes them) and the SDK waiter's DescribeTable until ACTIVE.</li>
 * </ul>
 *
 * Usage: java -cp bench-classes:ddb-gitops.jar Floor plan|apply ENDPOINT PREFIX N CONCURRENCY
 * Prints {@code floor_ms=...} and the number of calls made.
 */
public final class Floor {
    private static final String REGION = "us-east-1";

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI endpoint = URI.create(args[1]);
        String prefix = args[2];
        int n = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        try (DynamoDbClient ddb = DynamoDbClient.builder().region(Region.of(REGION)).endpointOverride(endpoint)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(Math.max(50, concurrency * 2)))
                .build();
             ApplicationAutoScalingClient scaling = ApplicationAutoScalingClient.builder().region(Region.of(REGION))
                     .endpointOverride(endpoint).credentialsProvider(credentials)
                     .httpClientBuilder(ApacheHttpClient.builder()).build();
             DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(ddb).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            List<Future<Integer>> work = new ArrayList<>();
            long start = System.nanoTime();
            if (mode.equals("plan")) {
                work.add(pool.submit(() -> ddb.listContributorInsightsPaginator(r -> r.maxResults(100))
                        .stream().mapToInt(p -> 1).sum()));
                work.add(pool.submit(() -> scaling.describeScalableTargetsPaginator(r -> r
                        .serviceNamespace(ServiceNamespace.DYNAMODB)).stream().mapToInt(p -> 1).sum()));
            }
            for (int i = 0; i < n; i++) {
                String table = String.format("%s-t%05d", prefix, i);
                String manifestId = String.format("team-%02d/t%05d", i % 100, i);
                work.add(pool.submit(() -> mode.equals("plan") ? read(ddb, table) : create(ddb, waiter, table,
                        manifestId)));
            }
            int calls = 0;
            for (Future<Integer> f : work) {
                calls += f.get();
            }
            long elapsed = System.nanoTime() - start;
            pool.shutdown();
            System.out.printf("floor_ms=%.1f calls=%d%n", elapsed / 1e6, calls);
        }
    }

    private static int read(DynamoDbClient ddb, String table) {
        String arn = ddb.describeTable(r -> r.tableName(table)).table().tableArn();
        ddb.describeContinuousBackups(r -> r.tableName(table));
        ddb.describeTimeToLive(r -> r.tableName(table));
        ddb.listTagsOfResource(r -> r.resourceArn(arn));
        return 4;
    }

    private static int create(DynamoDbClient ddb, DynamoDbWaiter waiter, String table, String manifestId) {
        ddb.createTable(r -> r.tableName(table)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                .tags(t -> t.key(OWNER_TAG).value(manifestId)));
        int attempts = waiter.waitUntilTableExists(r -> r.tableName(table)).attemptsExecuted();
        return 1 + attempts;
    }

    // the job's ownership tag key, read from its class so that the floor's tables are the job's tables
    private static final String OWNER_TAG = ownerTag();

    private static String ownerTag() {
        try {
            return (String) Class.forName("io.ddbgitops.plan.Ownership").getField("TAG_KEY").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("io.ddbgitops.plan.Ownership.TAG_KEY not on the classpath", e);
        }
    }
}

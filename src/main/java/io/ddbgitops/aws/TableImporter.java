package io.ddbgitops.aws;

import io.ddbgitops.manifest.ImportSpec;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.plan.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CsvOptions;
import software.amazon.awssdk.services.dynamodb.model.DescribeImportResponse;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.ImportTableRequest;
import software.amazon.awssdk.services.dynamodb.model.S3BucketSource;
import software.amazon.awssdk.services.dynamodb.model.TableCreationParameters;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Makes a table with ImportTable and follows the import until it ends. The request carries what
 * {@code TableCreationParameters} can (key schema, attribute definitions, billing, throughput, on-demand caps, SSE,
 * global indexes), built from the same CreateTable request the tool would otherwise send
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ImportTable.html, checked 2026-12-01).
 *
 * <p>DescribeImport's {@code ImportStatus} is IN_PROGRESS, COMPLETED, CANCELLING, CANCELLED or FAILED
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ImportTableDescription.html, checked
 * 2026-12-01); the wait polls it with the SDK's waiter and exponential back-off (imports take minutes to hours), logs
 * {@code ProcessedItemCount} every 30 seconds (AWS fills the counters in only when the import ends), and ends at the
 * wait timeout or the run's deadline. AWS counts bad items in {@code ErrorCount} and logs them to CloudWatch
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataImport.Validation.html, checked 2026-12-01);
 * measured against AWS (scylladb/scylladb test/alternator/test_import.py, read 2026-12-01), one bad item ends the
 * import FAILED with {@code ItemValidationError} and keeps the table with the items that passed, a missing bucket
 * ends it FAILED with {@code S3NoSuchBucket} and leaves no table, and a prefix that matches nothing COMPLETES with an
 * empty table.
 */
final class TableImporter {
    private static final Logger LOG = LoggerFactory.getLogger(TableImporter.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    private static final Waiter<DescribeImportResponse> ENDED = Waiter.builder(DescribeImportResponse.class)
            .addAcceptor(WaiterAcceptor.successOnResponseAcceptor(r -> ended(r.importTableDescription())))
            .addAcceptor(WaiterAcceptor.retryOnResponseAcceptor(r -> true))
            .build();

    private final Duration timeout;
    private final Deadline deadline;
    private final BackoffStrategy polling;

    TableImporter(Duration timeout, Deadline deadline, BackoffStrategy polling) {
        this.timeout = timeout;
        this.deadline = deadline;
        this.polling = polling;
    }

    /** What the import did, as the report records it. */
    record Imported(String importArn, long processed, long imported, long errors) {
        String summary(ImportSpec source) {
            return "imported from " + source.location() + ": " + importArn + ", " + processed + " item(s) processed, "
                    + imported + " imported, " + errors + " error(s)";
        }
    }

    /**
     * Starts the import and waits until it ends; {@code started} hears the import's ARN as soon as AWS accepted it.
     * FAILED or CANCELLED is an {@link ImportException} with AWS's reason and counts.
     */
    Imported run(DynamoDbClient client, TableId id, Action.ImportTable action, Consumer<String> started) {
        ImportSpec source = action.source();
        ImportTableDescription begun = client.importTable(request(action)).importTableDescription();
        String arn = begun.importArn();
        started.accept(arn);
        LOG.info("{}: import {} started from {}", id, arn, source.location());
        ImportTableDescription done = ended(begun) ? begun : await(client, id, arn);
        if (done.importStatus() != ImportStatus.COMPLETED) {
            throw new ImportException("import " + arn + " from " + source.location() + " ended "
                    + done.importStatusAsString() + ": " + orNone(done.failureCode()) + ": "
                    + orNone(done.failureMessage()) + " (" + counts(done) + ")", true);
        }
        return new Imported(arn, count(done.processedItemCount()), count(done.importedItemCount()),
                count(done.errorCount()));
    }

    private ImportTableDescription await(DynamoDbClient client, TableId id, String arn) {
        Instant start = Instant.now();
        AtomicReference<Instant> nextProgress = new AtomicReference<>(start.plus(PROGRESS_EVERY));
        AtomicReference<ImportTableDescription> last = new AtomicReference<>();
        Duration limit = deadline.cap(timeout);
        try {
            return ENDED.run(() -> {
                DescribeImportResponse answer = client.describeImport(r -> r.importArn(arn));
                ImportTableDescription d = answer.importTableDescription();
                last.set(d);
                Instant now = Instant.now();
                if (now.isAfter(nextProgress.get()) && !ended(d)) {
                    LOG.info("{}: import {} {}: {} item(s) processed after {}s (limit {}s)", id, arn,
                            d.importStatusAsString(), count(d.processedItemCount()),
                            Duration.between(start, now).toSeconds(), limit.toSeconds());
                    nextProgress.set(now.plus(PROGRESS_EVERY));
                }
                return answer;
            }, WaiterOverrideConfiguration.builder()
                    .waitTimeout(limit.isZero() ? Duration.ofMillis(1) : limit)
                    .maxAttempts(Integer.MAX_VALUE)
                    .backoffStrategyV2(polling)
                    .build()).matched().response().orElseThrow().importTableDescription();
        } catch (SdkClientException e) {
            if (e.getCause() instanceof SdkException cause) {
                throw cause;
            }
            String status = last.get() == null ? "IN_PROGRESS" : last.get().importStatusAsString() + ", "
                    + counts(last.get());
            String what = limit.equals(timeout) ? "limit " + Durations.format(timeout) : deadline.describe();
            throw new ImportException("import " + arn + " is still " + status + " after "
                    + Duration.between(start, Instant.now()).toSeconds() + "s (" + what + "); it goes on at AWS, and the "
                    + "next run finds its table in progress and continues once it is ACTIVE", false);
        }
    }

    private static ImportTableRequest request(Action.ImportTable action) {
        ImportSpec s = action.source();
        // the same table CreateTable would make, cut to what TableCreationParameters can carry
        CreateTableRequest table = TableRequests.create(new Action.CreateTable(action.manifest(), Map.of()));
        TableCreationParameters.Builder parameters = TableCreationParameters.builder()
                .tableName(table.tableName())
                .attributeDefinitions(table.attributeDefinitions())
                .keySchema(table.keySchema())
                .billingMode(table.billingModeAsString())
                .provisionedThroughput(table.provisionedThroughput())
                .onDemandThroughput(table.onDemandThroughput())
                .sseSpecification(table.sseSpecification());
        if (table.hasGlobalSecondaryIndexes()) {
            parameters.globalSecondaryIndexes(table.globalSecondaryIndexes());
        }
        ImportTableRequest.Builder request = ImportTableRequest.builder()
                .s3BucketSource(S3BucketSource.builder().s3Bucket(s.bucket()).s3KeyPrefix(s.keyPrefix().orElse(null))
                        .s3BucketOwner(s.bucketOwner().orElse(null)).build())
                .inputFormat(s.format().name())
                .inputCompressionType(s.compression().name())
                .tableCreationParameters(parameters.build());
        if (s.csvDelimiter().isPresent() || s.csvHeaders().isPresent()) {
            CsvOptions.Builder csv = CsvOptions.builder().delimiter(s.csvDelimiter().orElse(null));
            s.csvHeaders().ifPresent(csv::headerList);
            request.inputFormatOptions(o -> o.csv(csv.build()));
        }
        return request.build();
    }

    private static boolean ended(ImportTableDescription d) {
        ImportStatus status = d.importStatus();
        return status == ImportStatus.COMPLETED || status == ImportStatus.FAILED || status == ImportStatus.CANCELLED;
    }

    private static String counts(ImportTableDescription d) {
        return count(d.processedItemCount()) + " item(s) processed, " + count(d.importedItemCount()) + " imported, "
                + count(d.errorCount()) + " error(s)";
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }
}

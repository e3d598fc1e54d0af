package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * ImportTable, DescribeImport and ListImports, which DynamoDB Local lacks, reading the objects from the
 * {@link S3StandIn}. Shapes from the API reference and botocore's model
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ImportTable.html, checked 2026-12-01); behaviour
 * measured against AWS (scylladb/scylladb test/alternator/test_import.py, read 2026-12-01):
 * <ul>
 *   <li>ImportTable answers IN_PROGRESS with zero counters and no EndTime; the table is CREATING meanwhile;</li>
 *   <li>an item that cannot be made ends the import FAILED with {@code ItemValidationError}, and the table stays
 *       with the items that passed; a missing bucket ends it FAILED with {@code S3NoSuchBucket} and no table; a prefix
 *       that matches nothing COMPLETES with an empty table;</li>
 *   <li>a table that exists is {@code ResourceInUseException} "Table already exists"; the same ClientToken while the
 *       import runs gives that import back, or {@code ImportConflictException} for another table;</li>
 *   <li>ListImports lists running imports too, PageSize 1-25.</li>
 * </ul>
 * The items are written through DynamoDB Local when ImportTable is answered; the import looks in progress for
 * {@link #setDelay} (none by default). Imports are kept in memory.
 */
final class ImportOperations {
    private static final Pattern IMPORT_ARN = Pattern.compile(
            "arn:aws:dynamodb:([a-z0-9-]+):(\\d{12}):table/([a-zA-Z0-9_.-]{3,255})/import/([0-9]{14}-[0-9a-f]{8})");
    private static final int MAX_PAGE = 25;
    static final String ITEMS_FAILED = "Some of the items failed validation checks and were not imported. Please check "
            + "CloudWatch error logs for more details.";

    /** One import: what was asked, when, and how it ends. */
    private record Job(String arn, String region, String table, String tableArn, Optional<String> tableId,
                       ObjectNode request, long startMillis, long endMillis, ImportReader.Outcome outcome,
                       Optional<String> failureCode, Optional<String> failureMessage) {}

    private final Engine engine;
    private final CreateTableOperation createTable;
    private final S3StandIn s3;
    private final SlowWork slowWork;
    private final Consumer<TableKey> forgetTable;
    private final Clock clock;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private volatile Duration delay = Duration.ZERO;

    ImportOperations(Engine engine, CreateTableOperation createTable, S3StandIn s3, SlowWork slowWork,
                     Consumer<TableKey> forgetTable, Clock clock) {
        this.engine = engine;
        this.createTable = createTable;
        this.s3 = s3;
        this.slowWork = slowWork;
        this.forgetTable = forgetTable;
        this.clock = clock;
    }

    /** How long an import stays IN_PROGRESS (and its table CREATING); none by default. */
    void setDelay(Duration value) {
        delay = value;
    }

    synchronized WireResponse importTable(String region, ObjectNode request) {
        ImportRequestChecks.validate(request);
        JsonNode parameters = request.path("TableCreationParameters");
        String table = Json.requiredText(parameters, "TableName");
        String token = request.path("ClientToken").asText();
        long now = clock.millis();
        for (Job job : jobs.values()) {
            if (job.request().path("ClientToken").asText().equals(token) && job.region().equals(region)
                    && now < job.endMillis()) {
                if (!job.table().equals(table)) {
                    throw new AwsException("com.amazonaws.dynamodb.v20120810#ImportConflictException",
                            "Duplicate request detected with conflicting parameters");
                }
                return WireResponse.ok(Json.object().set("ImportTableDescription", describe(job, now, true)));
            }
        }
        TableKey target = new TableKey(region, table);
        if (engine.describeTable(region, table).isPresent()) {
            throw new AwsException("com.amazonaws.dynamodb.v20120810#ResourceInUseException",
                    "Table already exists: " + table);
        }
        create(region, (ObjectNode) parameters);
        ObjectNode description = engine.describeTable(region, table).orElseThrow();
        TableDescriptions.fix(description, region);
        String tableArn = description.path("TableArn").asText(TableArns.of(region, table));
        String arn = tableArn + "/import/" + String.format("%014d", now) + "-"
                + String.format("%08x", Long.hashCode(System.nanoTime() ^ table.hashCode()));
        Job job = run(arn, region, target, tableArn, Json.text(description, "TableId"), request, now);
        jobs.put(arn, job);
        return WireResponse.ok(Json.object().set("ImportTableDescription", describe(job, now, true)));
    }

    synchronized WireResponse describeImport(ObjectNode request) {
        String arn = Json.requiredText(request, "ImportArn");
        if (!IMPORT_ARN.matcher(arn).matches()) {
            throw AwsException.validation("Invalid Import ARN: " + arn);
        }
        Job job = jobs.get(arn);
        if (job == null) {
            throw new AwsException("com.amazonaws.dynamodb.v20120810#ImportNotFoundException",
                    "Import not found: " + arn);
        }
        return WireResponse.ok(Json.object().set("ImportTableDescription", describe(job, clock.millis(), false)));
    }

    synchronized WireResponse listImports(ObjectNode request) {
        int pageSize = request.path("PageSize").asInt(MAX_PAGE);
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw AwsException.validation("1 validation error detected: Value '" + pageSize + "' at 'pageSize' failed "
                    + "to satisfy constraint: Member must have value " + (pageSize < 1
                    ? "greater than or equal to 1" : "less than or equal to " + MAX_PAGE));
        }
        int from = Json.text(request, "NextToken").map(ImportOperations::offset).orElse(0);
        Optional<String> tableArn = Json.text(request, "TableArn");
        List<Job> matching = jobs.values().stream()
                .filter(j -> tableArn.isEmpty() || j.tableArn().equals(tableArn.get())).toList();
        long now = clock.millis();
        ObjectNode answer = Json.object();
        var summaries = answer.putArray("ImportSummaryList");
        matching.stream().skip(from).limit(pageSize).forEach(job -> summaries.add(summary(job, now)));
        if (from + pageSize < matching.size()) {
            answer.put("NextToken", String.format("%016x", from + pageSize).repeat(7));
        }
        return WireResponse.ok(answer);
    }

    /** A NextToken this endpoint gave: the offset of the next page, in hex, seven times (AWS's token is 112+ hex). */
    private static int offset(String token) {
        if (!token.matches("([0-9a-f]{16}){7}") || !token.equals(token.substring(0, 16).repeat(7))) {
            throw AwsException.validation("Invalid NextToken provided");
        }
        return (int) Long.parseLong(token.substring(0, 16), 16);
    }

    /** Creates the table as CreateTable would, so the front keeps what DynamoDB Local drops (SSE, caps, warm). */
    private void create(String region, ObjectNode parameters) {
        WireResponse created;
        try {
            created = createTable.create(region, parameters.deepCopy(), body -> engine.forward("POST", "/",
                    Map.of("Authorization", List.of(SigV4Authorization.forRegion(region, "replaced")),
                            "X-Amz-Target", List.of("DynamoDB_20120810.CreateTable"),
                            "Content-Type", List.of(WireResponse.JSON_1_0)), body));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("DynamoDB Local did not answer CreateTable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the imported table", e);
        }
        if (!created.isSuccess()) {
            ObjectNode error = Json.parseRequest(created.body());
            throw new AwsException(Json.text(error, "__type").orElse("com.amazon.coral.validate#ValidationException"),
                    Json.text(error, "message").or(() -> Json.text(error, "Message")).orElse("Invalid table"));
        }
    }

    /** Reads the objects and writes their items now; the import ends (to a reader) after the delay. */
    private Job run(String arn, String region, TableKey target, String tableArn, Optional<String> tableId,
                    ObjectNode request, long now) {
        JsonNode source = request.path("S3BucketSource");
        long end = now + delay.toMillis();
        Optional<java.nio.file.Path> bucket = s3.bucket(source.path("S3Bucket").asText());
        if (bucket.isEmpty()) {
            // AWS leaves no table behind a missing bucket
            engine.call(region, "DeleteTable", Json.object().put("TableName", target.table()));
            forgetTable.accept(target);
            return new Job(arn, region, target.table(), tableArn, tableId, request.deepCopy(), now, end,
                    ImportReader.Outcome.none(), Optional.of("S3NoSuchBucket"),
                    Optional.of("The specified bucket does not exist"));
        }
        ImportReader reader = reader(request);
        ImportReader.Outcome outcome = ImportReader.Outcome.none();
        for (S3StandIn.S3Object object : s3.objects(bucket.get(), source.path("S3KeyPrefix").asText(""))) {
            outcome = outcome.plus(reader.read(object.file(), item -> put(region, target.table(), item)));
        }
        slowWork.start(target, SlowWork.Kind.TABLE_CREATION, "", delay);
        boolean failed = outcome.errors() > 0;
        return new Job(arn, region, target.table(), tableArn, tableId, request.deepCopy(), now, end, outcome,
                failed ? Optional.of("ItemValidationError") : Optional.empty(),
                failed ? Optional.of(ITEMS_FAILED) : Optional.empty());
    }

    private boolean put(String region, String table, ObjectNode item) {
        try {
            engine.call(region, "PutItem", Json.object().put("TableName", table).set("Item", item));
            return true;
        } catch (AwsException refused) {
            return false;
        }
    }

    /** A reader for the request's format, knowing the types of the table's (and its indexes') key attributes. */
    private static ImportReader reader(ObjectNode request) {
        JsonNode parameters = request.path("TableCreationParameters");
        Map<String, String> types = new HashMap<>();
        parameters.path("AttributeDefinitions").forEach(a -> types.put(a.path("AttributeName").asText(),
                a.path("AttributeType").asText()));
        Map<String, String> keys = new HashMap<>();
        parameters.path("KeySchema").forEach(k -> keys.put(k.path("AttributeName").asText(),
                types.getOrDefault(k.path("AttributeName").asText(), "S")));
        JsonNode csv = request.path("InputFormatOptions").path("Csv");
        List<String> headers = new ArrayList<>();
        csv.path("HeaderList").forEach(h -> headers.add(h.asText()));
        return new ImportReader(request.path("InputFormat").asText(),
                request.path("InputCompressionType").asText("NONE"), csv.path("Delimiter").asText(",").charAt(0),
                headers.isEmpty() ? Optional.empty() : Optional.of(headers), keys, types);
    }

    /** ImportTableDescription: while running only what is known at the start, the counters at zero. */
    private static ObjectNode describe(Job job, long now, boolean asStarted) {
        boolean running = asStarted || now < job.endMillis();
        ObjectNode d = Json.object()
                .put("ImportArn", job.arn())
                .put("ImportStatus", running ? "IN_PROGRESS" : job.failureCode().isPresent() ? "FAILED" : "COMPLETED")
                .put("TableArn", job.tableArn());
        job.tableId().ifPresent(id -> d.put("TableId", id));
        d.put("ClientToken", job.request().path("ClientToken").asText());
        d.set("S3BucketSource", job.request().path("S3BucketSource"));
        d.put("ErrorCount", running ? 0 : job.outcome().errors());
        d.put("CloudWatchLogGroupArn", logGroup(job.region()));
        d.put("InputFormat", job.request().path("InputFormat").asText());
        if (job.request().has("InputFormatOptions")) {
            d.set("InputFormatOptions", job.request().path("InputFormatOptions"));
        }
        d.put("InputCompressionType", job.request().path("InputCompressionType").asText("NONE"));
        d.set("TableCreationParameters", job.request().path("TableCreationParameters"));
        d.set("StartTime", TableDescriptions.seconds(job.startMillis() / 1000.0));
        if (!running) {
            d.set("EndTime", TableDescriptions.seconds(job.endMillis() / 1000.0));
            if (job.outcome().bytes() > 0) {
                d.put("ProcessedSizeBytes", job.outcome().bytes());
            }
        }
        d.put("ProcessedItemCount", running ? 0 : job.outcome().processed());
        d.put("ImportedItemCount", running ? 0 : job.outcome().imported());
        if (!running) {
            job.failureCode().ifPresent(code -> d.put("FailureCode", code));
            job.failureMessage().ifPresent(message -> d.put("FailureMessage", message));
        }
        return d;
    }

    private static ObjectNode summary(Job job, long now) {
        ObjectNode full = describe(job, now, false);
        ObjectNode s = Json.object();
        for (String field : List.of("ImportArn", "ImportStatus", "TableArn", "S3BucketSource", "CloudWatchLogGroupArn",
                "InputFormat", "StartTime", "EndTime")) {
            if (full.has(field)) {
                s.set(field, full.get(field));
            }
        }
        return s;
    }

    private static String logGroup(String region) {
        return "arn:aws:logs:" + region + ":" + TableArns.ACCOUNT + ":log-group:/aws-dynamodb/imports:*";
    }

}

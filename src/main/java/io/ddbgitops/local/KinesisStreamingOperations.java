package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Enable/Update/Disable/DescribeKinesisStreamingDestination, which DynamoDB Local does not offer. Shapes and
 * statuses as the API reference gives them
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_EnableKinesisStreamingDestination.html,
 * API_UpdateKinesisStreamingDestination.html, API_DescribeKinesisStreamingDestination.html, checked 2026-12-01):
 * Enable answers ENABLING, which becomes ACTIVE; Update answers UPDATING, then ACTIVE; Disable answers DISABLING,
 * then DISABLED. How long a status lasts is {@link #setDelay} (none by default: the next Describe shows where it
 * ends). No Kinesis runs here, so the stream ARN is only checked for its form. Kept in memory only.
 */
final class KinesisStreamingOperations {
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:kinesis:[a-z0-9-]+:\\d{12}:stream/[A-Za-z0-9_.-]{1,128}");
    private static final String DEFAULT_PRECISION = "MILLISECOND";

    /** One destination: what it turns into ({@code settled}) once {@code until} has passed. */
    private record Destination(String streamArn, String status, String settled, long until, String precision) {
        String statusAt(long now) {
            return now >= until ? settled : status;
        }
    }

    private final Engine engine;
    private final Clock clock;
    private final Map<TableKey, List<Destination>> destinations = new HashMap<>();
    private volatile Duration delay = Duration.ZERO;

    KinesisStreamingOperations(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    void setDelay(Duration value) {
        delay = value;
    }

    synchronized WireResponse enable(String region, ObjectNode request) {
        TableKey table = existingTable(region, request);
        String arn = streamArn(request);
        Optional<String> precision = Json.text(request.path("EnableKinesisStreamingConfiguration"),
                "ApproximateCreationDateTimePrecision");
        precision.ifPresent(KinesisStreamingOperations::checkPrecision);
        long now = clock.millis();
        Optional<Destination> current = find(table, arn);
        if (current.isPresent() && !current.get().statusAt(now).equals("DISABLED")
                && !current.get().statusAt(now).equals("ENABLE_FAILED")) {
            throw new AwsException("com.amazonaws.dynamodb.v20120810#ResourceInUseException", "Table "
                    + table.table() + " is already streaming to Kinesis stream " + arn + " ("
                    + current.get().statusAt(now) + ")");
        }
        put(table, new Destination(arn, "ENABLING", "ACTIVE", now + delay.toMillis(),
                precision.orElse(DEFAULT_PRECISION)));
        ObjectNode answer = answer(table, arn, "ENABLING");
        precision.ifPresent(p -> answer.putObject("EnableKinesisStreamingConfiguration")
                .put("ApproximateCreationDateTimePrecision", p));
        return WireResponse.ok(answer);
    }

    synchronized WireResponse update(String region, ObjectNode request) {
        TableKey table = existingTable(region, request);
        String arn = streamArn(request);
        String precision = Json.text(request.path("UpdateKinesisStreamingConfiguration"),
                "ApproximateCreationDateTimePrecision").orElseThrow(() -> AwsException.validation(
                "UpdateKinesisStreamingConfiguration must contain ApproximateCreationDateTimePrecision"));
        checkPrecision(precision);
        long now = clock.millis();
        Destination current = find(table, arn).filter(d -> d.statusAt(now).equals("ACTIVE")).orElseThrow(() ->
                AwsException.validation("Table " + table.table() + " is not streaming to an ACTIVE Kinesis stream "
                        + arn));
        put(table, new Destination(arn, "UPDATING", "ACTIVE", now + delay.toMillis(), precision));
        ObjectNode answer = answer(table, arn, "UPDATING");
        answer.putObject("UpdateKinesisStreamingConfiguration").put("ApproximateCreationDateTimePrecision",
                precision);
        return WireResponse.ok(answer);
    }

    synchronized WireResponse disable(String region, ObjectNode request) {
        TableKey table = existingTable(region, request);
        String arn = streamArn(request);
        long now = clock.millis();
        Destination current = find(table, arn).filter(d -> !d.statusAt(now).equals("DISABLED")
                && !d.statusAt(now).equals("DISABLING") && !d.statusAt(now).equals("ENABLE_FAILED"))
                .orElseThrow(() -> AwsException.validation("Table " + table.table()
                        + " is not streaming to Kinesis stream " + arn));
        put(table, new Destination(arn, "DISABLING", "DISABLED", now + delay.toMillis(), current.precision()));
        return WireResponse.ok(answer(table, arn, "DISABLING"));
    }

    synchronized WireResponse describe(String region, ObjectNode request) {
        TableKey table = existingTable(region, request);
        long now = clock.millis();
        ArrayNode list = Json.array();
        for (Destination d : destinations.getOrDefault(table, List.of())) {
            list.addObject().put("StreamArn", d.streamArn()).put("DestinationStatus", d.statusAt(now))
                    .put("ApproximateCreationDateTimePrecision", d.precision());
        }
        ObjectNode answer = Json.object().put("TableName", table.table());
        answer.set("KinesisDataStreamDestinations", list);
        return WireResponse.ok(answer);
    }

    synchronized void forget(TableKey table) {
        destinations.remove(table);
    }

    private Optional<Destination> find(TableKey table, String arn) {
        return destinations.getOrDefault(table, List.of()).stream().filter(d -> d.streamArn().equals(arn))
                .findFirst();
    }

    private void put(TableKey table, Destination destination) {
        List<Destination> list = new ArrayList<>(destinations.getOrDefault(table, List.of()));
        list.removeIf(d -> d.streamArn().equals(destination.streamArn()));
        list.add(destination);
        destinations.put(table, list);
    }

    private static ObjectNode answer(TableKey table, String arn, String status) {
        return Json.object().put("TableName", table.table()).put("StreamArn", arn).put("DestinationStatus", status);
    }

    private TableKey existingTable(String region, ObjectNode request) {
        TableKey table = TableArns.nameOrArn(Json.requiredText(request, "TableName"), region);
        if (engine.describeTable(table.region(), table.table()).isEmpty()) {
            throw AwsException.resourceNotFound("Requested resource not found: Table: " + table.table()
                    + " not found");
        }
        return table;
    }

    private static String streamArn(ObjectNode request) {
        String arn = Json.requiredText(request, "StreamArn");
        if (arn.length() < 37 || arn.length() > 1024) {
            throw AwsException.validation("1 validation error detected: Value '" + arn + "' at 'streamArn' failed "
                    + "to satisfy constraint: Member must have length " + (arn.length() < 37
                    ? "greater than or equal to 37" : "less than or equal to 1024"));
        }
        if (!STREAM_ARN.matcher(arn).matches()) {
            throw AwsException.validation("Invalid StreamArn: " + arn);
        }
        return arn;
    }

    private static void checkPrecision(String precision) {
        if (!precision.equals("MILLISECOND") && !precision.equals("MICROSECOND")) {
            throw AwsException.validation("1 validation error detected: Value '" + precision + "' at "
                    + "'enableKinesisStreamingConfiguration.approximateCreationDateTimePrecision' failed to satisfy "
                    + "constraint: Member must satisfy enum value set: [MICROSECOND, MILLISECOND]");
        }
    }
}

package io.ddbgitops.aws;

import io.ddbgitops.plan.kinesis.KinesisStep;
import io.ddbgitops.plan.kinesis.LiveKinesis;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Optional;
import java.util.Set;

/**
 * A table's Kinesis streaming destinations on the wire: DescribeKinesisStreamingDestination to read them,
 * Enable/Update/DisableKinesisStreamingDestination to change them. API reference:
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_EnableKinesisStreamingDestination.html and
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateKinesisStreamingDestination.html
 * (checked 2026-12-01).
 */
final class KinesisDestinations {
    private static final Set<String> UNREADABLE = Set.of("UnknownOperationException", "UnrecognizedClientException",
            "InvalidAction", "AccessDeniedException");

    private KinesisDestinations() {
    }

    static LiveKinesis read(DynamoDbClient client, String table) {
        try {
            return new LiveKinesis.Destinations(client.describeKinesisStreamingDestination(r -> r.tableName(table))
                    .kinesisDataStreamDestinations().stream()
                    .map(d -> new LiveKinesis.Destination(d.streamArn(), d.destinationStatusAsString(),
                            Optional.ofNullable(d.approximateCreationDateTimePrecisionAsString())))
                    .toList());
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && UNREADABLE.contains(e.awsErrorDetails().errorCode())) {
                return new LiveKinesis.Unreadable(e.awsErrorDetails().errorCode());
            }
            throw e;
        }
    }

    static void apply(DynamoDbClient client, String table, KinesisStep step) {
        if (step instanceof KinesisStep.Enable enable) {
            client.enableKinesisStreamingDestination(r -> {
                r.tableName(table).streamArn(enable.streamArn());
                enable.precision().ifPresent(p -> r.enableKinesisStreamingConfiguration(c -> c
                        .approximateCreationDateTimePrecision(p)));
            });
        } else if (step instanceof KinesisStep.UpdatePrecision update) {
            client.updateKinesisStreamingDestination(r -> r.tableName(table).streamArn(update.streamArn())
                    .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(
                            update.precision())));
        } else if (step instanceof KinesisStep.Disable disable) {
            client.disableKinesisStreamingDestination(r -> r.tableName(table).streamArn(disable.streamArn()));
        }
    }
}

package io.ddbgitops.reconcile;

import io.ddbgitops.local.AwsCli;
import io.ddbgitops.report.ChangeEntry;
import io.ddbgitops.report.TableEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KinesisDataStreamDestination;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Kinesis streaming destination through the local endpoint: enabled, precision updated, moved to another stream
 * (old disabled first), ENABLING reported in progress, disabled outside git and enabled again, disabled on removal.
 */
class KinesisStreamingIT extends EndpointPerTest {
    private static final String REGION = "us-east-1";
    private static final String A = "arn:aws:kinesis:us-east-1:111111111111:stream/changes-a";
    private static final String B = "arn:aws:kinesis:us-east-1:111111111111:stream/changes-b";

    private static String manifest(String table, String optionalSpec) {
        return Manifests.onDemand(table, optionalSpec);
    }

    private static String streaming(String table, String arn, String precision) {
        return manifest(table, "    kinesis_streaming_destination:\n      stream_arn: " + arn + "\n"
                + (precision == null ? "" : "      approximate_creation_date_time_precision: " + precision + "\n"));
    }

    /** Each run's calls alone: the recorder is cleared first. */
    @Override
    RunResult run(ConfigRepo repo, RunRequest.Mode mode) throws Exception {
        recorder.clear();
        return super.run(repo, mode);
    }

    private List<KinesisDataStreamDestination> destinations(String table) {
        return clients.forRegion(REGION).describeKinesisStreamingDestination(r -> r.tableName(table))
                .kinesisDataStreamDestinations();
    }

    private static TableEntry entry(RunResult result, String table) {
        return result.report().tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    @Test
    void enabledUpdatedMovedAndDisabled() throws Exception {
        ConfigRepo repo = ConfigRepo.create(temp).commit("stream", Map.of("t.yaml", streaming("Streamed", A, null)));

        RunResult created = run(repo, RunRequest.Mode.APPLY);

        assertThat(created.exitCode()).as(created.markdown()).isZero();
        assertThat(recorder.writes()).contains("CreateTable", "EnableKinesisStreamingDestination");
        assertThat(destinations("Streamed")).extracting(KinesisDataStreamDestination::streamArn,
                KinesisDataStreamDestination::destinationStatusAsString).containsExactly(tuple(A, "ACTIVE"));
        assertThat(entry(run(repo, RunRequest.Mode.PLAN), "Streamed").status()).isEqualTo("in_sync");

        repo.commit("micro", Map.of("t.yaml", streaming("Streamed", A, "MICROSECOND")));
        RunResult micro = run(repo, RunRequest.Mode.APPLY);
        assertThat(micro.exitCode()).as(micro.markdown()).isZero();
        assertThat(recorder.writes()).containsExactly("UpdateKinesisStreamingDestination");
        assertThat(destinations("Streamed")).singleElement().extracting(
                KinesisDataStreamDestination::approximateCreationDateTimePrecisionAsString).isEqualTo("MICROSECOND");

        repo.commit("other stream", Map.of("t.yaml", streaming("Streamed", B, "MICROSECOND")));
        RunResult moved = run(repo, RunRequest.Mode.APPLY);
        assertThat(moved.exitCode()).as(moved.markdown()).isZero();
        assertThat(recorder.writes()).containsExactly("DisableKinesisStreamingDestination",
                "EnableKinesisStreamingDestination");
        assertThat(destinations("Streamed")).extracting(KinesisDataStreamDestination::streamArn,
                KinesisDataStreamDestination::destinationStatusAsString)
                .containsExactlyInAnyOrder(tuple(A, "DISABLED"), tuple(B, "ACTIVE"));
        assertThat(entry(moved, "Streamed").changes()).extracting(ChangeEntry::field, ChangeEntry::from,
                ChangeEntry::to).containsExactly(tuple("kinesis_streaming_destination", A, B));

        repo.commit("no stream", Map.of("t.yaml", manifest("Streamed", "")));
        RunResult removed = run(repo, RunRequest.Mode.APPLY);
        assertThat(removed.exitCode()).as(removed.markdown()).isZero();
        assertThat(recorder.writes()).containsExactly("DisableKinesisStreamingDestination");
        assertThat(destinations("Streamed")).allSatisfy(d -> assertThat(d.destinationStatusAsString())
                .isEqualTo("DISABLED"));
        assertThat(entry(run(repo, RunRequest.Mode.PLAN), "Streamed").status()).isEqualTo("in_sync");
    }

    @Test
    void enablingIsReportedInProgressUntilActive() throws Exception {
        endpoint.setKinesisStreamingDelay(Duration.ofHours(1));
        ConfigRepo repo = ConfigRepo.create(temp).commit("stream", Map.of("t.yaml", streaming("Slow", A, null)));
        run(repo, RunRequest.Mode.APPLY);

        RunResult next = run(repo, RunRequest.Mode.APPLY);

        assertThat(entry(next, "Slow").status()).isEqualTo("in_progress");
        assertThat(entry(next, "Slow").changes()).extracting(ChangeEntry::field, ChangeEntry::from,
                ChangeEntry::action).containsExactly(tuple("kinesis_streaming_destination", "ENABLING", "in_progress"));
        assertThat(recorder.writes()).isEmpty();
    }

    @Test
    void disabledOutsideGitIsDriftAndEnabledAgain() throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "the AWS CLI is needed to change the destination outside the tool");
        ConfigRepo repo = ConfigRepo.create(temp).commit("stream", Map.of("t.yaml", streaming("Drift", A, null)));
        run(repo, RunRequest.Mode.APPLY);
        AwsCli cli = new AwsCli(endpoint.endpoint(), temp);
        assertThat(cli.json("dynamodb", "disable-kinesis-streaming-destination", "--table-name", "Drift",
                "--stream-arn", A).path("DestinationStatus").asText()).isEqualTo("DISABLING");
        assertThat(cli.json("dynamodb", "describe-kinesis-streaming-destination", "--table-name", "Drift")
                .path("KinesisDataStreamDestinations").get(0).path("DestinationStatus").asText()).isEqualTo("DISABLED");

        RunResult apply = run(repo, RunRequest.Mode.APPLY);

        assertThat(entry(apply, "Drift").status()).isEqualTo("drifted");
        assertThat(recorder.writes()).containsExactly("EnableKinesisStreamingDestination");
        assertThat(destinations("Drift")).singleElement().extracting(
                KinesisDataStreamDestination::destinationStatusAsString).isEqualTo("ACTIVE");
    }
}

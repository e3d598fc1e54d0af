package io.ddbgitops.aws;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScheduledActionRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.TargetTrackingScalingPolicyConfiguration;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalTableWitnessGroupMemberAction;
import software.amazon.awssdk.services.dynamodb.model.CreateReplicationGroupMemberAction;
import software.amazon.awssdk.services.dynamodb.model.CsvOptions;
import software.amazon.awssdk.services.dynamodb.model.DeleteGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DeleteGlobalTableWitnessGroupMemberAction;
import software.amazon.awssdk.services.dynamodb.model.DeleteReplicationGroupMemberAction;
import software.amazon.awssdk.services.dynamodb.model.DisableKinesisStreamingDestinationRequest;
import software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingConfiguration;
import software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableWitnessGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ImportTableRequest;
import software.amazon.awssdk.services.dynamodb.model.InputFormatOptions;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoverySpecification;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.ReplicaAutoScalingUpdate;
import software.amazon.awssdk.services.dynamodb.model.ReplicaGlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.S3BucketSource;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingConfiguration;
import software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingDestinationRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateReplicationGroupMemberAction;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableReplicaAutoScalingRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.WarmThroughput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's "Every DynamoDB setting, managed or not" keeps up with the SDK: every field of UpdateTable (and of its
 * index, replica and witness actions), of the other settings calls and of Application Auto Scaling's calls, as the
 * SDK this build uses lists them, has a row; every row says managed, managed (in progress) or not managed, and why
 * not; a managed row names the manifest field (in the schema) and the {@code aws} code that sends it.
 */
class SettingsTableTest {
    private static final Path README = Path.of("README.md");
    private static final String SECTION = "## Every DynamoDB setting, managed or not";
    private static final Set<String> STATUSES = Set.of("managed", "managed (in progress)", "not managed");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Path AWS_SOURCES = Path.of("src/main/java/io/ddbgitops/aws");

    /** The README name of each SDK shape whose every field needs a row. */
    private static final Map<String, Class<? extends SdkPojo>> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("UpdateTable", UpdateTableRequest.class);
        SHAPES.put("UpdateTable.GlobalSecondaryIndexUpdates.Create", CreateGlobalSecondaryIndexAction.class);
        SHAPES.put("UpdateTable.GlobalSecondaryIndexUpdates.Update", UpdateGlobalSecondaryIndexAction.class);
        SHAPES.put("UpdateTable.GlobalSecondaryIndexUpdates.Delete", DeleteGlobalSecondaryIndexAction.class);
        SHAPES.put("UpdateTable.StreamSpecification", StreamSpecification.class);
        SHAPES.put("UpdateTable.SSESpecification", SSESpecification.class);
        SHAPES.put("UpdateTable.OnDemandThroughput", OnDemandThroughput.class);
        SHAPES.put("UpdateTable.WarmThroughput", WarmThroughput.class);
        SHAPES.put("UpdateTable.ReplicaUpdates.Create", CreateReplicationGroupMemberAction.class);
        SHAPES.put("UpdateTable.ReplicaUpdates.Update", UpdateReplicationGroupMemberAction.class);
        SHAPES.put("UpdateTable.ReplicaUpdates.Update.GlobalSecondaryIndexes", ReplicaGlobalSecondaryIndex.class);
        SHAPES.put("UpdateTable.ReplicaUpdates.Delete", DeleteReplicationGroupMemberAction.class);
        SHAPES.put("UpdateTable.GlobalTableWitnessUpdates", GlobalTableWitnessGroupUpdate.class);
        SHAPES.put("UpdateTable.GlobalTableWitnessUpdates.Create", CreateGlobalTableWitnessGroupMemberAction.class);
        SHAPES.put("UpdateTable.GlobalTableWitnessUpdates.Delete", DeleteGlobalTableWitnessGroupMemberAction.class);
        SHAPES.put("UpdateContinuousBackups", UpdateContinuousBackupsRequest.class);
        SHAPES.put("UpdateContinuousBackups.PointInTimeRecoverySpecification", PointInTimeRecoverySpecification.class);
        SHAPES.put("UpdateTimeToLive", UpdateTimeToLiveRequest.class);
        SHAPES.put("UpdateTimeToLive.TimeToLiveSpecification", TimeToLiveSpecification.class);
        SHAPES.put("TagResource", TagResourceRequest.class);
        SHAPES.put("UntagResource", UntagResourceRequest.class);
        SHAPES.put("UpdateContributorInsights", UpdateContributorInsightsRequest.class);
        SHAPES.put("PutResourcePolicy", PutResourcePolicyRequest.class);
        SHAPES.put("EnableKinesisStreamingDestination", EnableKinesisStreamingDestinationRequest.class);
        SHAPES.put("EnableKinesisStreamingDestination.EnableKinesisStreamingConfiguration",
                EnableKinesisStreamingConfiguration.class);
        SHAPES.put("UpdateKinesisStreamingDestination", UpdateKinesisStreamingDestinationRequest.class);
        SHAPES.put("UpdateKinesisStreamingDestination.UpdateKinesisStreamingConfiguration",
                UpdateKinesisStreamingConfiguration.class);
        SHAPES.put("DisableKinesisStreamingDestination", DisableKinesisStreamingDestinationRequest.class);
        SHAPES.put("ImportTable", ImportTableRequest.class);
        SHAPES.put("ImportTable.S3BucketSource", S3BucketSource.class);
        SHAPES.put("ImportTable.InputFormatOptions", InputFormatOptions.class);
        SHAPES.put("ImportTable.InputFormatOptions.Csv", CsvOptions.class);
        SHAPES.put("UpdateTableReplicaAutoScaling", UpdateTableReplicaAutoScalingRequest.class);
        SHAPES.put("UpdateTableReplicaAutoScaling.ReplicaUpdates", ReplicaAutoScalingUpdate.class);
        SHAPES.put("RegisterScalableTarget", RegisterScalableTargetRequest.class);
        SHAPES.put("PutScalingPolicy", PutScalingPolicyRequest.class);
        SHAPES.put("TargetTrackingScalingPolicyConfiguration", TargetTrackingScalingPolicyConfiguration.class);
        SHAPES.put("PutScheduledAction", PutScheduledActionRequest.class);
    }

    private record Row(List<String> apiFields, String manifestField, String status, String how) {
    }

    private static List<Row> rows;

    @BeforeAll
    static void readTable() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf(SECTION);
        assertThat(start).as("README section %s", SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + SECTION.length());
        rows = new ArrayList<>();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
            assertThat(cells).as("four cells in %s", line).hasSize(4);
            rows.add(new Row(codes(cells[0]), cells[1].trim(), cells[2].trim(), cells[3].trim()));
        }
    }

    @Test
    void everyFieldTheSdkHasForTheseCallsHasARow() {
        Set<String> listed = new TreeSet<>();
        rows.forEach(r -> listed.addAll(r.apiFields()));
        Set<String> missing = new TreeSet<>();
        SHAPES.forEach((name, shape) -> {
            for (SdkField<?> field : fields(shape)) {
                String path = name + "." + field.memberName();
                if (!listed.contains(path)) {
                    missing.add(path);
                }
            }
        });
        for (ScalableDimension dimension : ScalableDimension.knownValues()) {
            if (dimension.toString().startsWith("dynamodb:") && !listed.contains(dimension.toString())) {
                missing.add(dimension.toString());
            }
        }
        assertThat(missing).as("SDK fields without a row in README's settings table").isEmpty();
    }

    @Test
    void everyRowSaysWhetherItIsManagedAndWhyNot() {
        assertThat(rows).hasSizeGreaterThan(60);
        for (Row row : rows) {
            assertThat(row.status()).as("status of %s", row.apiFields()).isIn(STATUSES);
            assertThat(row.how()).as("how or why not, for %s", row.apiFields()).isNotBlank();
        }
    }

    @Test
    void aManagedRowNamesItsManifestFieldAndTheCodeThatSendsIt() throws IOException {
        String schema = Files.readString(Path.of("schemas/dynamodb-v1.schema.json"));
        for (Row row : rows.stream().filter(r -> r.status().equals("managed")).toList()) {
            for (String field : codes(row.manifestField())) {
                for (String part : field.split("\\.")) {
                    if (part.matches("[a-z_]+")) {
                        assertThat(schema).as("manifest field %s of %s in the schema", part, row.apiFields())
                                .contains("\"" + part + "\"");
                    }
                }
            }
            List<String> code = codes(row.how()).stream().filter(SettingsTableTest::isAwsClass).toList();
            assertThat(code).as("the aws code that sends %s", row.apiFields()).isNotEmpty();
            for (String named : codes(row.how())) {
                Matcher method = Pattern.compile("([A-Z][A-Za-z]+)\\.([a-z][A-Za-z]+)").matcher(named);
                if (method.matches() && isAwsClass(named)) {
                    assertThat(Files.readString(AWS_SOURCES.resolve(method.group(1) + ".java")))
                            .as("%s in %s", named, row.apiFields()).contains(" " + method.group(2) + "(");
                }
            }
        }
    }

    private static boolean isAwsClass(String code) {
        String type = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
        return type.matches("[A-Z][A-Za-z]+") && Files.exists(AWS_SOURCES.resolve(type + ".java"));
    }

    private static List<SdkField<?>> fields(Class<? extends SdkPojo> shape) {
        try {
            // the builders' classes are private: build through the public SdkBuilder interface
            SdkBuilder<?, ?> builder = (SdkBuilder<?, ?>) shape.getMethod("builder").invoke(null);
            return ((SdkPojo) builder.build()).sdkFields();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no builder on " + shape, e);
        }
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }
}

package io.ddbgitops.local;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DynamoDB capacity dimension Application Auto Scaling can scale: {@code table/NAME} with a
 * {@code dynamodb:table:*} dimension, or {@code table/NAME/index/INDEX} with a {@code dynamodb:index:*} one.
 */
record ScalableResource(String table, Optional<String> index, boolean read) {
    static final String NAMESPACE = "dynamodb";
    static final String TABLE_READ = "dynamodb:table:ReadCapacityUnits";
    static final String TABLE_WRITE = "dynamodb:table:WriteCapacityUnits";
    static final String INDEX_READ = "dynamodb:index:ReadCapacityUnits";
    static final String INDEX_WRITE = "dynamodb:index:WriteCapacityUnits";

    /** The ServiceNamespace enum of botocore's application-autoscaling 2016-02-06 service-2.json. */
    static final List<String> NAMESPACES = List.of("ecs", "elasticmapreduce", "ec2", "appstream", "dynamodb", "rds",
            "sagemaker", "custom-resource", "comprehend", "lambda", "cassandra", "kafka", "elasticache", "neptune",
            "workspaces");
    /** The ScalableDimension enum of the same model. */
    static final List<String> DIMENSIONS = List.of("ecs:service:DesiredCount",
            "ec2:spot-fleet-request:TargetCapacity", "elasticmapreduce:instancegroup:InstanceCount",
            "appstream:fleet:DesiredCapacity", TABLE_READ, TABLE_WRITE, INDEX_READ, INDEX_WRITE,
            "rds:cluster:ReadReplicaCount", "sagemaker:variant:DesiredInstanceCount",
            "custom-resource:ResourceType:Property",
            "comprehend:document-classifier-endpoint:DesiredInferenceUnits",
            "comprehend:entity-recognizer-endpoint:DesiredInferenceUnits", "lambda:function:ProvisionedConcurrency",
            "cassandra:table:ReadCapacityUnits", "cassandra:table:WriteCapacityUnits",
            "kafka:broker-storage:VolumeSize", "elasticache:cache-cluster:Nodes",
            "elasticache:replication-group:NodeGroups", "elasticache:replication-group:Replicas",
            "neptune:cluster:ReadReplicaCount", "sagemaker:variant:DesiredProvisionedConcurrency",
            "sagemaker:inference-component:DesiredCopyCount", "workspaces:workspacespool:DesiredUserSessions");

    private static final Pattern TABLE = Pattern.compile("table/([a-zA-Z0-9_.-]{3,255})");
    private static final Pattern INDEX = Pattern.compile("table/([a-zA-Z0-9_.-]{3,255})/index/([a-zA-Z0-9_.-]{3,255})");

    /**
     * The dimension a request names. A value outside the model's enums is refused as AWS's request validation
     * refuses it; a valid combination this endpoint does not scale (another service, or a resource id that does
     * not fit the dimension) gets AWS's "Unsupported service namespace, resource type or scalable dimension".
     */
    static ScalableResource parse(String namespace, String resourceId, String dimension) {
        checkEnum("serviceNamespace", namespace, NAMESPACES);
        checkEnum("scalableDimension", dimension, DIMENSIONS);
        boolean indexDimension = dimension.equals(INDEX_READ) || dimension.equals(INDEX_WRITE);
        boolean tableDimension = dimension.equals(TABLE_READ) || dimension.equals(TABLE_WRITE);
        boolean read = dimension.equals(TABLE_READ) || dimension.equals(INDEX_READ);
        if (namespace.equals(NAMESPACE)) {
            Matcher index = INDEX.matcher(resourceId);
            Matcher table = TABLE.matcher(resourceId);
            if (indexDimension && index.matches()) {
                return new ScalableResource(index.group(1), Optional.of(index.group(2)), read);
            }
            if (tableDimension && table.matches()) {
                return new ScalableResource(table.group(1), Optional.empty(), read);
            }
        }
        throw AwsException.validation("Unsupported service namespace, resource type or scalable dimension");
    }

    static void checkEnum(String member, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw AwsException.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
    }

    /** The ProvisionedThroughput member this dimension is. */
    String capacityField() {
        return read ? "ReadCapacityUnits" : "WriteCapacityUnits";
    }
}

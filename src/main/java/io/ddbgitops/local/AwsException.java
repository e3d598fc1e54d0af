package io.ddbgitops.local;

/** An error answered in AWS's JSON 1.0 shape: HTTP 400 with {@code __type} and {@code message}. */
final class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";
    static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";

    private final String type;

    AwsException(String type, String message) {
        super(message);
        this.type = type;
    }

    static AwsException validation(String message) {
        return new AwsException("com.amazon.coral.validate#ValidationException", message);
    }

    static AwsException tableNotFound(String table) {
        return new AwsException(DYNAMODB + "TableNotFoundException", "Table not found: " + table);
    }

    static AwsException resourceNotFound(String message) {
        return new AwsException(DYNAMODB + "ResourceNotFoundException", message);
    }

    static AwsException backupNotFound(String arn) {
        return new AwsException(DYNAMODB + "BackupNotFoundException", "Backup not found: " + arn);
    }

    static AwsException backupInUse(String arn) {
        return new AwsException(DYNAMODB + "BackupInUseException", "Backup is being created: " + arn);
    }

    static AwsException tableAlreadyExists(String table) {
        return new AwsException(DYNAMODB + "TableAlreadyExistsException", "Table already exists: " + table);
    }

    /**
     * Control-plane throttling. Its namespace is the service framework's, not DynamoDB's: botocore models the shape
     * as synthetic, and live DynamoDB answers {@code com.amazon.coral.availability#ThrottlingException}.
     */
    static AwsException throttling() {
        return new AwsException("com.amazon.coral.availability#ThrottlingException",
                "Rate of requests exceeds the allowed throughput.");
    }

    static AwsException provisionedThroughputExceeded() {
        return new AwsException(DYNAMODB + "ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. Consider increasing"
                        + " your provisioning level with the UpdateTable API.");
    }

    /** Too many control-plane operations at once: at most 50 tables and indexes CREATING, UPDATING or DELETING. */
    static AwsException limitExceeded() {
        return new AwsException(DYNAMODB + "LimitExceededException",
                "Subscriber limit exceeded: Only 50 tables can be created, updated, or deleted simultaneously");
    }

    static AwsException unknownOperation(String target) {
        return new AwsException("com.amazon.coral.service#UnknownOperationException",
                "Unknown operation: " + target);
    }

    /** The full {@code __type}, e.g. {@code com.amazonaws.dynamodb.v20120810#TableNotFoundException}. */
    String type() {
        return type;
    }

    /** The part after {@code #}, which is what clients match on. */
    String code() {
        return type.substring(type.indexOf('#') + 1);
    }
}

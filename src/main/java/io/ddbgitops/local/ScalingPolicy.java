package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A scaling policy as PutScalingPolicy stored it: {@code configuration} holds the request's
 * {@code *PolicyConfiguration} members unchanged, since DescribeScalingPolicies returns them as given.
 */
record ScalingPolicy(ScalingKey key, String name, String type, String arn, double createdAt,
        ObjectNode configuration, List<Alarm> alarms) {
    /** A CloudWatch alarm AWS creates for a target-tracking policy. */
    record Alarm(String alarmName, String alarmArn) {}

    ScalingPolicy {
        configuration = configuration.deepCopy();
        alarms = List.copyOf(alarms);
    }

    @Override
    public ObjectNode configuration() {
        return configuration.deepCopy();
    }
}

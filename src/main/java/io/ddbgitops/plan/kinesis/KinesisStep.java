package io.ddbgitops.plan.kinesis;

import java.util.Optional;

/** One Kinesis streaming call. On a stream change the old destination is disabled before the new one is enabled. */
public sealed interface KinesisStep {

    String describe();

    record Enable(String streamArn, Optional<String> precision) implements KinesisStep {
        @Override
        public String describe() {
            return "stream changes to Kinesis " + streamArn + precision.map(p -> " (" + p + ")").orElse("");
        }
    }

    record UpdatePrecision(String streamArn, String precision) implements KinesisStep {
        @Override
        public String describe() {
            return "set the Kinesis stream's creation time precision to " + precision;
        }
    }

    record Disable(String streamArn) implements KinesisStep {
        @Override
        public String describe() {
            return "stop streaming changes to Kinesis " + streamArn;
        }
    }
}

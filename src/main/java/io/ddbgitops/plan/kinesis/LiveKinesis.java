package io.ddbgitops.plan.kinesis;

import java.util.List;
import java.util.Optional;

/** What DescribeKinesisStreamingDestination says about a table, or that it could not be read. */
public sealed interface LiveKinesis {

    /** One destination: its stream, status (ENABLING, ACTIVE, UPDATING, DISABLING, DISABLED, ENABLE_FAILED). */
    record Destination(String streamArn, String status, Optional<String> precision) {
        /** Streaming, or about to: the statuses a table keeps a destination in until it is disabled. */
        public boolean streaming() {
            return status.equals("ENABLING") || status.equals("ACTIVE") || status.equals("UPDATING");
        }
    }

    record Destinations(List<Destination> all) implements LiveKinesis {
        public Destinations {
            all = List.copyOf(all);
        }
    }

    record Unreadable(String reason) implements LiveKinesis {
    }

    static LiveKinesis none() {
        return new Destinations(List.of());
    }
}

package io.ddbgitops.manifest;

import java.util.Optional;

/** {@code kinesis_streaming_destination}: the stream, and the precision of ApproximateCreationDateTime if given. */
public record KinesisDestinationSpec(String streamArn, Optional<String> precision) {
}

package io.ddbgitops.local;

import java.time.Duration;

/**
 * How long the endpoint makes long-running work look in progress; zero (the default) finishes it at once.
 * The work itself is done at once in DynamoDB Local: only what DescribeTable shows, and what AWS refuses meanwhile,
 * follow the delay.
 *
 * @param indexBackfill a GSI added by UpdateTable stays CREATING this long; its first fifth is resource allocation
 *     (table UPDATING, Backfilling false), the rest the backfill (table ACTIVE, Backfilling true)
 * @param restore a table restored from a backup or to a point in time stays CREATING this long
 * @param replicaCreation the source table stays UPDATING and the new replica CREATING this long
 * @param tableClassUpdate the table stays UPDATING this long after a TableClass change
 * @param sseUpdate SSEDescription shows UPDATING this long after an SSESpecification change
 */
public record Delays(Duration indexBackfill, Duration restore, Duration replicaCreation, Duration tableClassUpdate,
        Duration sseUpdate) {
    public static final Delays NONE = new Delays(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO);

    public Delays {
        for (Duration d : new Duration[] {indexBackfill, restore, replicaCreation, tableClassUpdate, sseUpdate}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("A delay cannot be negative, got " + d);
            }
        }
    }

    public Delays withIndexBackfill(Duration value) {
        return new Delays(value, restore, replicaCreation, tableClassUpdate, sseUpdate);
    }

    public Delays withRestore(Duration value) {
        return new Delays(indexBackfill, value, replicaCreation, tableClassUpdate, sseUpdate);
    }

    public Delays withReplicaCreation(Duration value) {
        return new Delays(indexBackfill, restore, value, tableClassUpdate, sseUpdate);
    }

    public Delays withTableClassUpdate(Duration value) {
        return new Delays(indexBackfill, restore, replicaCreation, value, sseUpdate);
    }

    public Delays withSseUpdate(Duration value) {
        return new Delays(indexBackfill, restore, replicaCreation, tableClassUpdate, value);
    }
}

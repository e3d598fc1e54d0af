package io.ddbgitops.plan.replicas;

import io.ddbgitops.manifest.ReplicaSpec;
import io.ddbgitops.manifest.StrongConsistency;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.Action;
import io.ddbgitops.plan.ObservedTable;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Multi-Region strong consistency (MRSC), as AWS allows it. Pure: the manifest and the live table in, the fields to
 * compare, the one call that creates it, or the reason it cannot be done.
 *
 * <p>AWS's rules, checked 2026-12-01:
 * <ul>
 *   <li>UpdateTable's {@code MultiRegionConsistency} "is only valid when you create a global table by specifying one
 *   or more Create actions in the ReplicaUpdates action list"; the witness "must be added when creating the MRSC global
 *   table", one per UpdateTable (API reference and botocore model:
 *   https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html,
 *   https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalTableWitnessGroupUpdate.html). So the
 *   replicas, the mode and the witness go in one call: the exception to "one replica action per call", which still
 *   holds for EVENTUAL tables.</li>
 *   <li>"You can't change a global table's consistency mode"
 *   (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/multi-region-strong-consistency-gt.html); the
 *   consistency mode cannot be changed after the global table is created
 *   (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html): an EVENTUAL
 *   global table cannot become STRONG, a STRONG one cannot become EVENTUAL, and its three Regions are fixed, so any
 *   change is {@code blocked}.</li>
 *   <li>"Table must be empty when enabling MRSC" (AWS's MRSC example,
 *   https://docs.aws.amazon.com/code-library/latest/ug/dynamodb_example_dynamodb_Scenario_MRSCGlobalTables_section.html).
 *   DescribeTable's ItemCount is refreshed about every six hours, so it only decides one way: a table that reports
 *   items is {@code blocked} (AWS would refuse); a table reporting none is tried, and if items were written since
 *   the count, AWS's ValidationException fails the call with its reason (the applier's error says what to do).
 *   A Scan with Limit 1 would be exact but needs read access to the data, which this tool does not otherwise need.</li>
 * </ul>
 * The refusal texts are ours; AWS's own wording for these cases is not published.
 */
public final class StrongConsistencyRules {
    /** Report field of the consistency mode (the manifest's key). */
    public static final String MODE = "multi_region_consistency";
    /** Report field of the witness Region (the manifest's key). */
    public static final String WITNESS = "witness_region";
    public static final String STRONG = "STRONG";
    public static final String EVENTUAL = "EVENTUAL";
    public static final String NOT_EMPTY_HINT = "multi-Region strong consistency is only set up on an empty table";

    private static final String MODE_SOURCE =
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html"
                    + " (checked 2026-12-01)";

    private StrongConsistencyRules() {}

    /** Whether MRSC concerns this table at all: the manifest asks for it or the live table has it. */
    public static boolean involved(TableManifest manifest, Optional<ObservedTable> live) {
        return manifest.options().strong() || live.map(t -> t.consistency().strong()).orElse(false);
    }

    /** The mode and witness fields the manifest wants, when MRSC is involved (so EVENTUAL tables' reports stay as they were). */
    public static Map<String, String> desired(TableManifest manifest) {
        Map<String, String> fields = new TreeMap<>();
        fields.put(MODE, manifest.options().strong() ? STRONG : EVENTUAL);
        manifest.options().strongConsistency().flatMap(StrongConsistency::witnessRegion)
                .ifPresent(w -> fields.put(WITNESS, w));
        return fields;
    }

    /** The mode and witness fields of the live table. */
    public static Map<String, String> observed(ObservedTable live) {
        Map<String, String> fields = new TreeMap<>();
        fields.put(MODE, live.consistency().strong() ? STRONG : EVENTUAL);
        if (!live.consistency().witnesses().isEmpty()) {
            fields.put(WITNESS, String.join(",", live.consistency().witnesses()));
        }
        return fields;
    }

    /** The single UpdateTable that makes the table strongly consistent with the manifest's Regions. */
    public static Action.CreateStrongGlobalTable creation(TableManifest manifest) {
        return new Action.CreateStrongGlobalTable(
                manifest.options().replicaSpecs().orElse(List.of()).stream()
                        .sorted(Comparator.comparing(ReplicaSpec::region)).toList(),
                manifest.options().strongConsistency().flatMap(StrongConsistency::witnessRegion));
    }

    /** Why a table about to be created cannot be made strongly consistent, or empty. */
    public static Optional<String> newTableRefusal(TableManifest manifest) {
        if (manifest.options().strong() && manifest.options().restore().isPresent()) {
            return Optional.of("multi_region_consistency: STRONG cannot be set up on a restored table: "
                    + NOT_EMPTY_HINT + "; create the table empty, or restore without STRONG");
        }
        if (manifest.options().strong() && manifest.options().s3Import().isPresent()) {
            return Optional.of("multi_region_consistency: STRONG cannot be set up on a table imported from S3: "
                    + NOT_EMPTY_HINT + "; create the table empty, or import without STRONG");
        }
        return Optional.empty();
    }

    /**
     * Why the live table's consistency, replicas or witness cannot become what the manifest says, or empty when the
     * one creating call may go ahead (or nothing differs).
     */
    public static Optional<String> refusal(TableManifest manifest, ObservedTable live) {
        boolean wantStrong = manifest.options().strong();
        if (live.consistency().strong()) {
            if (!wantStrong) {
                return Optional.of("table " + live.id() + " is a multi-Region strongly consistent (STRONG) global "
                        + "table and a global table's consistency mode cannot be changed after creation; keep "
                        + "multi_region_consistency: STRONG, or create a new table (" + MODE_SOURCE + ")");
            }
            return Optional.of("the replicas and witness of a STRONG global table are fixed when it is created (live: "
                    + regions(live) + "); put them back in the manifest, or create a new table (" + MODE_SOURCE + ")");
        }
        if (!wantStrong) {
            return Optional.empty();
        }
        if (!live.replicas().isEmpty()) {
            return Optional.of("table " + live.id() + " is already an EVENTUAL global table (replicas in "
                    + String.join(", ", live.replicas()) + ") and a global table's consistency mode cannot be changed "
                    + "after creation; remove multi_region_consistency: STRONG, or create a new empty table ("
                    + MODE_SOURCE + ")");
        }
        if (live.consistency().itemCount() > 0) {
            return Optional.of("table " + live.id() + " holds items (DescribeTable's ItemCount, refreshed about every "
                    + "six hours, says " + live.consistency().itemCount() + ") and " + NOT_EMPTY_HINT + "; empty "
                    + "the table or create a new one (a count that is out of date clears within six hours)");
        }
        return Optional.empty();
    }

    private static String regions(ObservedTable live) {
        return "replicas " + (live.replicas().isEmpty() ? "none" : String.join(", ", live.replicas()))
                + live.consistency().witnesses().stream().findFirst().map(w -> ", witness " + w).orElse("");
    }
}

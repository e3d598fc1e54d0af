package io.ddbgitops.plan.replicas;

import io.ddbgitops.manifest.AutoScalingSpec;
import io.ddbgitops.manifest.BillingMode;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.ObservedTable;
import io.ddbgitops.plan.autoscaling.ObservedScaling;
import io.ddbgitops.plan.autoscaling.ScaledDimension;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of global tables (version 2019.11.21) that AWS enforces on UpdateTable, so the plan says {@code blocked}
 * with the reason and what to change, instead of the apply failing halfway. Pure: the manifest and the live table in,
 * a refusal out.
 */
public final class ReplicaRules {
    /**
     * "When using the latest version of global tables, you must either use on-demand capacity or enable autoscaling
     * on the table"; AWS answers UpdateTable's ReplicaUpdates Create with the two texts below (table, then index).
     */
    public static final String AUTO_SCALING_SOURCE =
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_reqs_bestpractices.html"
                    + " (checked 2026-12-01)";
    public static final String TABLE_WRITE_NOT_SCALED =
            "Table write capacity should either be Pay-Per-Request or AutoScaled.";
    public static final String GSI_WRITE_NOT_SCALED =
            "GSI write capacity should either be Pay-Per-Request or AutoScaled.";

    /**
     * Replication runs on the table's NEW_AND_OLD_IMAGES stream: while the table has replicas (multi-Region eventual
     * consistency) the stream cannot be disabled, so neither can its view type change (that is a disable, then an
     * enable); AWS answers with the text below.
     */
    public static final String STREAM_SOURCE =
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html and "
                    + "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
                    + "aws-properties-dynamodb-globaltable-streamspecification.html (checked 2026-12-01)";
    public static final String STREAM_OF_REPLICA =
            "One or more parameter values were invalid: Disabling Stream is not allowed for a Global Table replica.";

    private ReplicaRules() {}

    /**
     * Why AWS refuses to add a replica to this table, or empty. A PROVISIONED table needs the write capacity of the
     * table and of every global index auto scaled: declared in the manifest (put before replicas in the same run) or
     * a target with a policy already registered, by anyone.
     */
    public static Optional<String> addReplicaRefusal(TableManifest manifest, Optional<ObservedTable> live) {
        if (manifest.options().billingMode() != BillingMode.PROVISIONED) {
            return Optional.empty();
        }
        Optional<ObservedScaling> observed = live.flatMap(ObservedTable::autoScaling);
        List<String> unscaled = new ArrayList<>();
        if (!scaled(manifest.options().autoScaling(), ScaledDimension.table(ScaledDimension.Capacity.WRITE), observed)) {
            unscaled.add("optional_spec.autoscaling.write");
        }
        for (GlobalSecondaryIndex index : manifest.options().globalSecondaryIndexes().orElse(List.of())) {
            if (!scaled(index.autoScaling(),
                    ScaledDimension.index(index.indexName(), ScaledDimension.Capacity.WRITE), observed)) {
                unscaled.add("autoscaling.write of index " + index.indexName());
            }
        }
        if (unscaled.isEmpty()) {
            return Optional.empty();
        }
        String aws = unscaled.get(0).startsWith("optional_spec") ? TABLE_WRITE_NOT_SCALED : GSI_WRITE_NOT_SCALED;
        return Optional.of("replicas cannot be added: AWS adds replicas to a PROVISIONED table only when the write "
                + "capacity of the table and of every global index is auto scaled (AWS answers \"" + aws + "\"); "
                + "add " + String.join(", ", unscaled) + " or use billing_mode: PAY_PER_REQUEST (" + AUTO_SCALING_SOURCE
                + ")");
    }

    /** Why AWS refuses to change or disable the stream of this live table, or empty. */
    public static Optional<String> streamChangeRefusal(ObservedTable live) {
        if (live.replicas().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the stream cannot be changed or disabled while the table has replicas ("
                + String.join(", ", live.replicas()) + "): global tables replicate through it (AWS answers \""
                + STREAM_OF_REPLICA + "\"); keep stream_view_type: NEW_AND_OLD_IMAGES, or remove the replicas first "
                + "(" + STREAM_SOURCE + ")");
    }

    private static boolean scaled(Optional<AutoScalingSpec> declared, ScaledDimension dimension,
                                  Optional<ObservedScaling> observed) {
        if (declared.flatMap(AutoScalingSpec::write).isPresent()) {
            return true;
        }
        return observed.flatMap(o -> o.target(dimension)).map(t -> !t.policies().isEmpty()).orElse(false);
    }
}

package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code multi_region_consistency} and {@code witness_region}, checked offline. AWS's facts, checked 2026-12-01:
 * <ul>
 *   <li>"A MRSC global table can be configured with either three replicas, or with two replicas and one witness", and
 *   one witness per table (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateGlobalTableWitnessGroupMemberAction.html,
 *   https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalTableWitnessGroupUpdate.html);</li>
 *   <li>"The witness must be in a different Region than the replicas and within the same Region set": US (us-east-1,
 *   us-east-2, us-west-2), EU (eu-west-1, eu-west-2, eu-west-3, eu-central-1), AP (ap-northeast-1, ap-northeast-2,
 *   ap-northeast-3) (same page); the three Regions of the table are held to one of those sets.</li>
 * </ul>
 * The messages are ours: AWS's own texts for these refusals are not published.
 */
final class StrongConsistencyRules {
    static final String SOURCE = "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/"
            + "API_CreateGlobalTableWitnessGroupMemberAction.html, checked 2026-12-01";
    /** The Region sets MRSC is offered in, as the API reference lists them. */
    static final Map<String, List<String>> REGION_SETS = Map.of(
            "US", List.of("us-east-1", "us-east-2", "us-west-2"),
            "EU", List.of("eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"),
            "AP", List.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3"));

    private static final String MODE = SemanticRules.OPTIONAL + "/multi_region_consistency";
    private static final String WITNESS = SemanticRules.OPTIONAL + "/witness_region";

    private final Checks checks;

    StrongConsistencyRules(Checks checks) {
        this.checks = checks;
    }

    void check(JsonNode spec, JsonNode optional) {
        boolean strong = "STRONG".equals(optional.path("multi_region_consistency").textValue());
        Optional<String> witness = Checks.text(optional.path("witness_region"));
        if (!strong) {
            witness.ifPresent(w -> checks.add(WITNESS, "only allowed with multi_region_consistency: STRONG (a witness "
                    + "is the third Region of a multi-Region strongly consistent table)"));
            return;
        }
        Optional<String> home = Checks.text(spec.path("region"));
        List<String> replicas = new ArrayList<>();
        optional.path("replicas").forEach(r -> Optional.ofNullable(ReplicaSettingRules.region(r))
                .ifPresent(replicas::add));
        witness.ifPresent(w -> {
            if (home.filter(w::equals).isPresent()) {
                checks.add(WITNESS, Values.quote(w) + " is the table's own region; the witness must be a third region");
            } else if (replicas.contains(w)) {
                checks.add(WITNESS, Values.quote(w) + " is also listed in replicas; a region is a replica or the "
                        + "witness, not both");
            }
        });
        int regions = 1 + replicas.size() + (witness.isPresent() ? 1 : 0);
        if (regions != 3) {
            checks.add(MODE, "STRONG needs exactly three regions: the table's, replicas and an optional "
                    + "witness_region (two replicas, or one replica and a witness); this manifest gives " + regions
                    + " (" + SOURCE + ")");
            return;
        }
        List<String> all = new ArrayList<>();
        home.ifPresent(all::add);
        all.addAll(replicas);
        witness.ifPresent(all::add);
        boolean oneSet = REGION_SETS.values().stream().anyMatch(set -> set.containsAll(all));
        if (!oneSet) {
            checks.add(MODE, "STRONG needs its three regions (" + String.join(", ", all) + ") in one of AWS's "
                    + "multi-Region strong consistency region sets: US " + REGION_SETS.get("US") + ", EU "
                    + REGION_SETS.get("EU") + ", AP " + REGION_SETS.get("AP") + " (" + SOURCE + ")");
        }
    }
}

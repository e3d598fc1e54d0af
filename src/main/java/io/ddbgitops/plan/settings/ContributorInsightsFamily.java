package io.ddbgitops.plan.settings;

import io.ddbgitops.manifest.ContributorInsightsSpec;
import io.ddbgitops.manifest.GlobalSecondaryIndex;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.Change;
import io.ddbgitops.plan.Fields;
import io.ddbgitops.plan.ObservedTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Contributor insights' one home, for the table and each global index: on or off, and the mode when the manifest
 * gives one (a mode left out is AWS's to choose, so it is not compared). One UpdateContributorInsights per table or
 * index. A line deleted after this tool enabled it turns insights off again. When DescribeContributorInsights cannot
 * be read, nothing is compared.
 */
public final class ContributorInsightsFamily extends SettingFamily {
    static final String MODE = ".mode";

    private ContributorInsightsFamily(Map<String, String> previouslyApplied) {
        super(previouslyApplied);
    }

    public static ContributorInsightsFamily forNewTable(TableManifest manifest, Map<String, String> previouslyApplied) {
        ContributorInsightsFamily family = new ContributorInsightsFamily(previouslyApplied);
        desired(manifest).forEach((index, want) -> family.create(index, want));
        return family;
    }

    public static ContributorInsightsFamily forTable(TableManifest manifest, ObservedTable live,
                                                     Map<String, String> previouslyApplied) {
        ContributorInsightsFamily family = new ContributorInsightsFamily(previouslyApplied);
        Optional<Map<String, ObservedSettings.Insights>> observed = live.settings().contributorInsights();
        Map<String, ContributorInsightsSpec> desired = desired(manifest);
        if (observed.isEmpty()) {
            previouslyApplied.forEach((field, value) -> {
                if (field.startsWith(Fields.CONTRIBUTOR_INSIGHTS)) {
                    family.applied(field, value);
                }
            });
            return family;
        }
        List<String> declaredIndexes = manifest.options().globalSecondaryIndexes().orElse(List.of()).stream()
                .map(GlobalSecondaryIndex::indexName).toList();
        Map<String, ContributorInsightsSpec> wanted = new TreeMap<>(desired);
        // a line deleted after we enabled it: off again (an index deleted with it needs nothing)
        for (String index : previouslyEnabled(previouslyApplied)) {
            if (!wanted.containsKey(index) && (index.isEmpty() || declaredIndexes.contains(index))) {
                wanted.put(index, new ContributorInsightsSpec(false, Optional.empty()));
            }
        }
        wanted.forEach((index, want) -> family.converge(index, want, observed.get().getOrDefault(index,
                new ObservedSettings.Insights(false, Optional.empty())), desired.containsKey(index)));
        return family;
    }

    static String field(String index) {
        return Fields.CONTRIBUTOR_INSIGHTS + (index.isEmpty() ? "" : ".gsi." + index);
    }

    /** A new table: every declared value is created; only enabling needs a call. */
    private void create(String index, ContributorInsightsSpec want) {
        String field = field(index);
        List<Change> changes = new ArrayList<>();
        changes.add(change(field, Optional.empty(), Fields.onOff(want.enabled()), "create"));
        applied(field, Fields.onOff(want.enabled()));
        Optional<ContributorInsightsSpec.Mode> mode = want.mode().filter(m -> want.enabled());
        mode.ifPresent(m -> {
            changes.add(change(field + MODE, Optional.empty(), m.name(), "create"));
            applied(field + MODE, m.name());
        });
        if (want.enabled()) {
            group(changes, new SettingStep.SetContributorInsights(index.isEmpty() ? Optional.empty()
                    : Optional.of(index), true, mode));
        } else {
            changes.forEach(this::groupWithoutStep);
        }
    }

    private void converge(String index, ContributorInsightsSpec want, ObservedSettings.Insights have,
                          boolean declared) {
        String field = field(index);
        String wantOn = Fields.onOff(want.enabled());
        List<Change> changes = new ArrayList<>();
        if (want.enabled() != have.enabled()) {
            changes.add(change(field, Optional.of(Fields.onOff(have.enabled())), wantOn, "update"));
        }
        if (declared) {
            applied(field, wantOn);
        }
        Optional<ContributorInsightsSpec.Mode> mode = want.mode().filter(m -> want.enabled());
        if (mode.isPresent()) {
            applied(field + MODE, mode.get().name());
            if (have.enabled() && !have.mode().equals(mode)) {
                changes.add(change(field + MODE, have.mode().map(Enum::name), mode.get().name(), "update"));
            }
        }
        if (!changes.isEmpty()) {
            group(changes, new SettingStep.SetContributorInsights(index.isEmpty() ? Optional.empty()
                    : Optional.of(index), want.enabled(), mode));
        }
    }

    /** The table ("") and indexes whose insights the last report says this tool enabled. */
    private static List<String> previouslyEnabled(Map<String, String> previouslyApplied) {
        List<String> enabled = new ArrayList<>();
        String prefix = Fields.CONTRIBUTOR_INSIGHTS + ".gsi.";
        previouslyApplied.forEach((field, value) -> {
            if (!value.equals("enabled")) {
                return;
            }
            if (field.equals(Fields.CONTRIBUTOR_INSIGHTS)) {
                enabled.add(ObservedSettings.TABLE);
            } else if (field.startsWith(prefix) && !field.endsWith(MODE)) {
                enabled.add(field.substring(prefix.length()));
            }
        });
        return enabled;
    }

    static Map<String, ContributorInsightsSpec> desired(TableManifest manifest) {
        Map<String, ContributorInsightsSpec> desired = new TreeMap<>();
        manifest.options().insights().ifPresent(i -> desired.put(ObservedSettings.TABLE, i));
        for (GlobalSecondaryIndex index : manifest.options().globalSecondaryIndexes().orElse(List.of())) {
            index.contributorInsights().ifPresent(i -> desired.put(index.indexName(), i));
        }
        return desired;
    }
}

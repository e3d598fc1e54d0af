package io.ddbgitops.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Two manifests that claim the same account + region + table would fight over it, so every one of them is an error
 * naming the others. Invalid documents count too: the claim is real even while the manifest has a typo.
 */
final class DuplicateTables {
    private static final int NAMED = 3;
    private DuplicateTables() {
    }

    static void mark(List<CheckedDocument> documents) {
        Map<TableId, List<CheckedDocument>> byTable = new LinkedHashMap<>();
        for (CheckedDocument document : documents) {
            String region = document.yaml().root().path("spec").path("region").textValue();
            String table = document.yaml().root().path("spec").path("tablename").textValue();
            String account = document.yaml().root().path("spec").path("optional_spec").path("account")
                    .asText(TableId.DEFAULT_ACCOUNT);
            if (region != null && table != null) {
                byTable.computeIfAbsent(new TableId(account, region, table), id -> new ArrayList<>()).add(document);
            }
        }
        byTable.forEach((id, claims) -> {
            if (claims.size() > 1) {
                claims.forEach(claim -> claim.addError("/spec/tablename", "table " + id
                        + " is also declared in " + others(claim, claims)));
            }
        });
    }

    /** The first few others, so that a thousand claims do not make a thousand thousand-name messages. */
    private static String others(CheckedDocument claim, List<CheckedDocument> claims) {
        List<String> others = claims.stream()
                .filter(other -> other != claim)
                .map(other -> other.yaml().start().file() + ":" + other.yaml().start().line())
                .toList();
        String named = others.stream().limit(NAMED).collect(Collectors.joining(", "));
        return others.size() > NAMED ? named + " and " + (others.size() - NAMED) + " more" : named;
    }
}

package io.ddbgitops.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Two manifests that claim the same account + region + table would fight over it, so every one of them is an error
 * naming the others. Invalid documents count too: the claim is real even while the manifest has a typo.
 * Only the claims are kept (table, where the document starts, where its table name is), never the documents,
 * so that a repository of ten thousand manifests is checked in a few hundred bytes per manifest.
 */
final class DuplicateTables {
    private static final int NAMED = 3;

    /** Where a document claims a table: its start (named to the others) and its {@code tablename} (where the error goes). */
    record Claim(TableId table, SourceLocation start, SourceLocation tableName) {
    }

    private final Map<TableId, List<Claim>> byTable = new HashMap<>();

    /** Records one document's claim. */
    void claim(Claim claim) {
        byTable.computeIfAbsent(claim.table(), id -> new ArrayList<>(1)).add(claim);
    }

    /** One error per claim on a table that more than one document claims, by claim. */
    Map<Claim, ManifestError> errors() {
        Map<Claim, ManifestError> errors = new HashMap<>();
        byTable.forEach((id, claims) -> {
            if (claims.size() > 1) {
                claims.forEach(claim -> errors.put(claim, new ManifestError(claim.tableName(), "/spec/tablename",
                        "table " + id + " is also declared in " + others(claim, claims))));
            }
        });
        return errors;
    }

    /** The first few others, so that a thousand claims do not make a thousand thousand-name messages. */
    private static String others(Claim claim, List<Claim> claims) {
        List<String> others = claims.stream()
                .filter(other -> other != claim)
                .map(other -> other.start().file() + ":" + other.start().line())
                .toList();
        String named = others.stream().limit(NAMED).collect(Collectors.joining(", "));
        return others.size() > NAMED ? named + " and " + (others.size() - NAMED) + " more" : named;
    }
}

package io.ddbgitops.config;

import io.ddbgitops.manifest.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one namespace's manifests may manage: tables matching one of {@code tables}, in one of {@code regions}
 * (empty: any region), in one of {@code accounts} (empty: any account; {@code default} is the default
 * credential chain), declared in files matching one of {@code paths} (empty: anywhere). A manifest names its own
 * namespace, so {@code paths} (with the repository's code owners on those folders) is what stops a manifest from
 * simply claiming another team's namespace. {@code source} is where the rule is written, so a refusal can name it.
 */
public record Allowance(String namespace, List<Glob> tables, Optional<List<String>> regions,
                        Optional<List<String>> accounts, Optional<List<Glob>> paths, SourceLocation source) {
    public Allowance {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(source, "source");
        tables = List.copyOf(tables);
        regions = regions.map(List::copyOf);
        accounts = accounts.map(List::copyOf);
        paths = paths.map(List::copyOf);
    }

    /** {@code file} is the manifest's path from the repository root. */
    public boolean allowsPath(String file) {
        return paths.map(list -> list.stream().anyMatch(glob -> glob.matches(file))).orElse(true);
    }

    public boolean allowsTable(String tableName) {
        return tables.stream().anyMatch(glob -> glob.matches(tableName));
    }

    public boolean allowsRegion(String region) {
        return regions.map(list -> list.contains(region)).orElse(true);
    }

    public boolean allowsAccount(String account) {
        return accounts.map(list -> list.contains(account)).orElse(true);
    }
}

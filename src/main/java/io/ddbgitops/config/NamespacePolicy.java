package io.ddbgitops.config;

import io.ddbgitops.manifest.RestoreSpec;
import io.ddbgitops.manifest.SourceLocation;
import io.ddbgitops.manifest.TableManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Who may manage what: each namespace's {@link Allowance}. A namespace that is not listed may manage nothing,
 * so a new team gets nothing until the platform team lists it. Besides the table itself, the places a manifest
 * reaches through it are checked too: its replicas' regions and the table a point-in-time restore reads from.
 */
public record NamespacePolicy(Map<String, Allowance> namespaces, SourceLocation source) {

    /** One refusal: the manifest field (JSON pointer) and why, naming the rule. */
    public record Violation(String pointer, String message) {
    }

    public NamespacePolicy {
        namespaces = java.util.Collections.unmodifiableMap(new TreeMap<>(namespaces));
        Objects.requireNonNull(source, "source");
    }

    /** Everything that puts the manifest outside its namespace's allowance; empty when it is allowed. */
    public List<Violation> check(TableManifest manifest) {
        return check(manifest, manifest.source().file());
    }

    /**
     * The same, for a manifest whose path from the repository root is {@code file} (its source names it relative
     * to a sub-directory when only that one was loaded).
     */
    public List<Violation> check(TableManifest manifest, String file) {
        Allowance allowance = namespaces.get(manifest.namespace());
        if (allowance == null) {
            return List.of(new Violation("/metadata/namespace", "namespace " + quoted(manifest.namespace())
                    + " may not manage any table: the policy at " + rule(source, "policy.namespaces")
                    + " lists only " + (namespaces.isEmpty() ? "no namespace" : String.join(", ", namespaces.keySet()))));
        }
        List<Violation> violations = new ArrayList<>();
        if (!allowance.allowsPath(file)) {
            violations.add(outside(allowance, "/metadata/namespace", "a manifest in " + file, "paths",
                    allowance.paths().orElseThrow().stream().map(Glob::pattern).toList()));
        }
        if (!allowance.allowsTable(manifest.tableName())) {
            violations.add(outside(allowance, "/spec/tablename", "table " + quoted(manifest.tableName()), "tables",
                    allowance.tables().stream().map(Glob::pattern).toList()));
        }
        if (!allowance.allowsRegion(manifest.region())) {
            violations.add(outside(allowance, "/spec/region", "region " + manifest.region(), "regions",
                    allowance.regions().orElseThrow()));
        }
        List<String> replicas = manifest.options().replicas().orElse(List.of());
        for (int i = 0; i < replicas.size(); i++) {
            if (!allowance.allowsRegion(replicas.get(i))) {
                violations.add(outside(allowance, "/spec/optional_spec/replicas/" + i,
                        "replica region " + replicas.get(i), "regions", allowance.regions().orElseThrow()));
            }
        }
        String account = accountOf(manifest);
        if (!allowance.allowsAccount(account)) {
            violations.add(outside(allowance, "/spec/optional_spec/account", RepositoryConfig.DEFAULT_ACCOUNT
                    .equals(account) ? "the default credential chain (account " + account + "; the manifest names "
                    + "no account)" : "account " + account, "accounts", allowance.accounts().orElseThrow()));
        }
        restoreSource(manifest).filter(from -> !allowance.allowsTable(from))
                .ifPresent(from -> violations.add(outside(allowance, "/spec/optional_spec/restore/source_table",
                        "restoring from table " + quoted(from), "tables",
                        allowance.tables().stream().map(Glob::pattern).toList())));
        return List.copyOf(violations);
    }

    /** The account a manifest's table lives in: its {@code optional_spec.account}, else {@code default}. */
    static String accountOf(TableManifest manifest) {
        return manifest.account();
    }

    /** Reading another table's history copies its data, so the source must be a table the namespace may manage. */
    private static Optional<String> restoreSource(TableManifest manifest) {
        return manifest.options().restore()
                .filter(RestoreSpec.FromPointInTime.class::isInstance)
                .map(spec -> ((RestoreSpec.FromPointInTime) spec).sourceTable());
    }

    private static Violation outside(Allowance allowance, String pointer, String what, String list,
                                     List<String> allowed) {
        return new Violation(pointer, what + " is outside what namespace " + quoted(allowance.namespace())
                + " may manage: " + rule(allowance.source(), "policy.namespaces." + allowance.namespace() + "." + list)
                + " allows " + allowed.stream().collect(Collectors.joining(", ")));
    }

    private static String rule(SourceLocation at, String field) {
        return at + " " + field;
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}

package io.ddbgitops.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The repository config, {@code ddb-gitops.yaml} at the repository root: named accounts, where runs take their
 * lease, AWS quotas, the namespace policy and report settings. A repository without the file gets {@link #none()}:
 * no accounts, AWS's default quotas, and no policy, which means every namespace may manage every table.
 */
public record RepositoryConfig(Map<String, Account> accounts, Optional<LockSettings> lock, Quotas quotas,
                               Optional<NamespacePolicy> policy, ReportSettings report) {
    public static final String FILE = "ddb-gitops.yaml";
    /** The account name for the default credential chain (a manifest that names no account). */
    public static final String DEFAULT_ACCOUNT = io.ddbgitops.manifest.TableId.DEFAULT_ACCOUNT;
    public static final String NO_POLICY = "none — every namespace may manage every table";

    public RepositoryConfig {
        accounts = java.util.Collections.unmodifiableMap(new TreeMap<>(accounts));
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(quotas, "quotas");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(report, "report");
    }

    public static RepositoryConfig none() {
        return new RepositoryConfig(Map.of(), Optional.empty(), Quotas.awsDefaults(), Optional.empty(),
                ReportSettings.defaults());
    }

    public Optional<Account> account(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    /** One line for the report: which policy this run enforced. */
    public String policySummary() {
        return policy.map(p -> FILE + " policy: " + (p.namespaces().isEmpty() ? "no namespace may manage a table"
                        : "namespaces " + String.join(", ", p.namespaces().keySet())))
                .orElse(NO_POLICY);
    }
}

package io.ddbgitops.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.manifest.SchemaCheckedFile;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a config that matches its schema into records, checking what spans fields: account names that are
 * referenced must be defined, {@code default} is not a definable name, a role lives in its own account, and
 * {@code stale_after} is longer than zero. Every error is collected; any one makes the whole config invalid.
 */
final class ConfigMapper {
    private final SchemaCheckedFile.Checked checked;
    private final JsonNode root;
    private final List<ManifestError> errors = new ArrayList<>();

    ConfigMapper(SchemaCheckedFile.Checked checked) {
        this.checked = checked;
        this.root = checked.root().orElseThrow();
    }

    ConfigLoad map() {
        Map<String, Account> accounts = accounts();
        Optional<LockSettings> lock = lock(accounts);
        Quotas quotas = new Quotas(root.path("quotas").path("throughput_decreases_per_day")
                .asInt(Quotas.AWS_DEFAULT_THROUGHPUT_DECREASES_PER_DAY));
        Optional<NamespacePolicy> policy = policy(accounts);
        ReportSettings report = new ReportSettings(staleAfter());
        return errors.isEmpty() ? ConfigLoad.valid(new RepositoryConfig(accounts, lock, quotas, policy, report))
                : ConfigLoad.invalid(errors);
    }

    private Map<String, Account> accounts() {
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fields(root.path("accounts"))) {
            String name = entry.getKey();
            JsonNode a = entry.getValue();
            String pointer = "/accounts/" + name;
            if (name.equals(RepositoryConfig.DEFAULT_ACCOUNT)) {
                error(pointer, "the name " + name + " is reserved for the default credential chain; choose another");
                continue;
            }
            String id = a.path("account_id").textValue();
            String role = a.path("role_arn").textValue();
            String roleAccount = role.split(":")[4];
            if (!roleAccount.equals(id)) {
                error(pointer + "/role_arn", "the role is in account " + roleAccount + ", not in " + id
                        + " (account_id); a table is managed with a role of its own account");
            }
            accounts.put(name, new Account(name, id, role, text(a.path("external_id")), text(a.path("session_name"))));
        }
        return accounts;
    }

    private Optional<LockSettings> lock(Map<String, Account> accounts) {
        JsonNode lock = root.path("lock");
        if (!lock.isObject()) {
            return Optional.empty();
        }
        Optional<String> account = text(lock.path("account"))
                .filter(name -> !name.equals(RepositoryConfig.DEFAULT_ACCOUNT));
        account.filter(name -> !accounts.containsKey(name)).ifPresent(name ->
                error("/lock/account", undefined(name, accounts)));
        return Optional.of(new LockSettings(account, lock.path("region").textValue(), lock.path("table").textValue()));
    }

    private Optional<NamespacePolicy> policy(Map<String, Account> accounts) {
        JsonNode policy = root.path("policy");
        if (!policy.isObject()) {
            return Optional.empty();
        }
        Map<String, Allowance> namespaces = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fields(policy.path("namespaces"))) {
            String namespace = entry.getKey();
            String pointer = "/policy/namespaces/" + escape(namespace);
            JsonNode rule = entry.getValue();
            List<Glob> tables = strings(rule.path("tables")).stream().map(Glob::new).toList();
            Optional<List<String>> regions = rule.has("regions") ? Optional.of(strings(rule.path("regions")))
                    : Optional.empty();
            Optional<List<String>> allowedAccounts = rule.has("accounts") ? Optional.of(strings(rule.path("accounts")))
                    : Optional.empty();
            List<String> named = allowedAccounts.orElse(List.of());
            for (int i = 0; i < named.size(); i++) {
                String name = named.get(i);
                if (!name.equals(RepositoryConfig.DEFAULT_ACCOUNT) && !accounts.containsKey(name)) {
                    error(pointer + "/accounts/" + i, undefined(name, accounts));
                }
            }
            Optional<List<Glob>> paths = rule.has("paths")
                    ? Optional.of(strings(rule.path("paths")).stream().map(Glob::new).toList()) : Optional.empty();
            namespaces.put(namespace, new Allowance(namespace, tables, regions, allowedAccounts, paths,
                    checked.locate(pointer)));
        }
        return Optional.of(new NamespacePolicy(namespaces, checked.locate("/policy")));
    }

    private Optional<Duration> staleAfter() {
        Optional<String> text = text(root.path("report").path("stale_after"));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration duration = Duration.parse(text.get());
            if (duration.isZero() || duration.isNegative()) {
                error("/report/stale_after", text.get() + " is not longer than zero");
                return Optional.empty();
            }
            return Optional.of(duration);
        } catch (DateTimeParseException e) {
            error("/report/stale_after", "\"" + text.get() + "\" is not an ISO-8601 duration such as PT26H or P1D");
            return Optional.empty();
        }
    }

    private static String undefined(String name, Map<String, Account> accounts) {
        return "account " + name + " is not defined under accounts" + (accounts.isEmpty() ? " (none is)"
                : " (defined: " + String.join(", ", accounts.keySet()) + ")") + "; " + RepositoryConfig.DEFAULT_ACCOUNT
                + " means the default credential chain";
    }

    private void error(String pointer, String message) {
        errors.add(checked.error(pointer, message));
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            it.forEachRemaining(entries::add);
        }
        return entries;
    }

    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.textValue()));
        return values;
    }

    private static Optional<String> text(JsonNode node) {
        return Optional.ofNullable(node.textValue());
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}

package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Every problem of one document at once: what the YAML got wrong, then the schema, then the semantic rules. */
final class DocumentValidator {
    private final ManifestSchema schema;
    private final Function<JsonNode, List<Finding>> rules;

    DocumentValidator(ManifestSchema schema, SemanticRules rules) {
        this(schema, rules::check);
    }

    /** Another schema with its own rules (the repository config has none beyond its schema at this level). */
    DocumentValidator(ManifestSchema schema, Function<JsonNode, List<Finding>> rules) {
        this.schema = schema;
        this.rules = rules;
    }

    List<ManifestError> validate(YamlDocument document) {
        // one message per field: a semantic rule knows more than the schema (HASH vs "not one of RANGE")
        Map<String, Finding> byField = new LinkedHashMap<>();
        schema.validate(document.root()).forEach(finding -> byField.put(finding.pointer(), finding));
        rules.apply(document.root()).forEach(finding -> byField.put(finding.pointer(), finding));
        // what the YAML got wrong explains whatever the schema then says about the same field
        document.problems().forEach(problem -> byField.remove(problem.pointer()));
        List<Finding> findings = new ArrayList<>(document.problems());
        findings.addAll(byField.values());
        return findings.stream()
                .map(finding -> new ManifestError(document.locate(finding.pointer()), finding.pointer(),
                        finding.message()))
                .toList();
    }
}

package io.ddbgitops.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every problem of one document at once: what the YAML got wrong, then the schema, then the semantic rules. */
final class DocumentValidator {
    private final ManifestSchema schema;
    private final SemanticRules rules;

    DocumentValidator(ManifestSchema schema, SemanticRules rules) {
        this.schema = schema;
        this.rules = rules;
    }

    List<ManifestError> validate(YamlDocument document) {
        // one message per field: a semantic rule knows more than the schema (HASH vs "not one of RANGE")
        Map<String, Finding> byField = new LinkedHashMap<>();
        schema.validate(document.root()).forEach(finding -> byField.put(finding.pointer(), finding));
        rules.check(document.root()).forEach(finding -> byField.put(finding.pointer(), finding));
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

package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quartz.CronExpression;

/** The rules of MANIFEST.md that a JSON schema cannot express (or cannot explain well). */
final class SemanticRules {
    static final String SPEC = "/spec";
    static final String OPTIONAL = "/spec/optional_spec";

    private final KnownRegions regions;

    SemanticRules() {
        this(KnownRegions.ANY);
    }

    SemanticRules(KnownRegions regions) {
        this.regions = regions;
    }

    List<Finding> check(JsonNode document) {
        Checks checks = new Checks();
        IdentityRules.check(checks, document);
        JsonNode spec = document.path("spec");
        JsonNode optional = spec.path("optional_spec");
        keys(checks, spec, optional);
        billing(checks, spec, optional);
        backup(checks, optional.path("backup"));
        kmsKey(checks, optional.path("sse"));
        replicas(checks, spec, optional.path("replicas"));
        regions(checks, spec, optional.path("replicas"));
        restore(checks, optional.path("restore"));
        new ImportRules(checks).check(spec, optional);
        new ReplicaSettingRules(checks).check(optional);
        new StrongConsistencyRules(checks).check(spec, optional);
        new IndexRules(checks, spec).check();
        new TagRules(checks).check(optional.path("tags"), OPTIONAL + "/tags");
        new AutoScalingRules(checks).check(optional);
        resourcePolicy(checks, optional.path("resource_policy"));
        kinesisStream(checks, optional.path("kinesis_streaming_destination").path("stream_arn"));
        return checks.findings();
    }

    /** An inline policy; one from a file was checked where it was read ({@link ResourcePolicyFiles}). */
    private static void resourcePolicy(Checks checks, JsonNode policy) {
        if (policy.isTextual() && !policy.textValue().isEmpty()) {
            ResourcePolicyText.check(policy.textValue()).ifPresent(problem -> checks.add(
                    ResourcePolicyFiles.POINTER, problem.message() + (problem.line() > 1 || problem.column() > 1
                            ? " (line " + problem.line() + ", column " + problem.column() + " of the policy)" : "")));
        }
    }

    private static final java.util.regex.Pattern KINESIS_STREAM_ARN =
            java.util.regex.Pattern.compile("arn:aws[a-z-]*:kinesis:[a-z0-9-]+:[0-9]{12}:stream/[A-Za-z0-9_.-]{1,128}");

    private static void kinesisStream(Checks checks, JsonNode arn) {
        if (arn.isTextual() && !KINESIS_STREAM_ARN.matcher(arn.textValue()).matches()) {
            checks.add(OPTIONAL + "/kinesis_streaming_destination/stream_arn", Values.quote(arn.textValue())
                    + " is not a Kinesis data stream ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME)");
        }
    }

    private static void keys(Checks checks, JsonNode spec, JsonNode optional) {
        checks.attributeName(spec.path("pri_key_attributename"), SPEC + "/pri_key_attributename");
        checks.attributeName(optional.path("sort_key_attributename"), OPTIONAL + "/sort_key_attributename");
        checks.attributeName(optional.path("ttl_attributename"), OPTIONAL + "/ttl_attributename");
        checks.sortKeyPair(optional, OPTIONAL);
        if ("HASH".equals(optional.path("sort_key_keytype").textValue())) {
            checks.add(OPTIONAL + "/sort_key_keytype", "\"HASH\" is not allowed; a sort key is always RANGE");
        }
    }

    private static void billing(Checks checks, JsonNode spec, JsonNode optional) {
        boolean onDemand = "PAY_PER_REQUEST".equals(optional.path("billing_mode").textValue());
        for (String field : List.of("max_read_request_units", "max_write_request_units")) {
            if (!onDemand && Checks.present(optional.path(field))) {
                checks.add(OPTIONAL + "/" + field, "only allowed when billing_mode is PAY_PER_REQUEST");
            }
        }
        for (String field : List.of("readcapacityunits", "writecapacityunits")) {
            if (onDemand && Checks.present(spec.path(field))) {
                checks.add(SPEC + "/" + field,
                        "not allowed when billing_mode is PAY_PER_REQUEST; remove it or use PROVISIONED");
            }
        }
    }

    private static void backup(Checks checks, JsonNode backup) {
        Checks.text(backup.path("schedule")).ifPresent(schedule -> {
            try {
                CronExpression.validateExpression(schedule);
            } catch (ParseException e) {
                checks.add(OPTIONAL + "/backup/schedule", Values.quote(schedule)
                        + " is not a Quartz cron expression (e.g. \"0 0 3 * * ?\"): " + e.getMessage());
            }
        });
    }

    private static void kmsKey(Checks checks, JsonNode sse) {
        if (Checks.present(sse.path("kms_key_id")) && !"KMS".equals(sse.path("type").textValue())) {
            checks.add(OPTIONAL + "/sse/kms_key_id", "only allowed when sse.type is KMS");
        }
    }

    /** The table's region and its replicas' must be regions AWS has (as far as this build's SDK knows). */
    private void regions(Checks checks, JsonNode spec, JsonNode replicas) {
        Checks.text(spec.path("region")).flatMap(regions::problem).ifPresent(p -> checks.add(SPEC + "/region", p));
        for (int i = 0; i < replicas.size(); i++) {
            String pointer = OPTIONAL + "/replicas/" + i;
            String at = replicas.path(i).isObject() ? pointer + "/region" : pointer;
            Optional.ofNullable(ReplicaSettingRules.region(replicas.path(i))).flatMap(regions::problem)
                    .ifPresent(p -> checks.add(at, p));
        }
    }

    private static void replicas(Checks checks, JsonNode spec, JsonNode replicas) {
        String home = spec.path("region").textValue();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < replicas.size(); i++) {
            String region = ReplicaSettingRules.region(replicas.path(i));
            String pointer = OPTIONAL + "/replicas/" + i + (replicas.path(i).isObject() ? "/region" : "");
            if (region == null) {
                continue;
            }
            if (region.equals(home)) {
                checks.add(pointer, Values.quote(region) + " is the table's own region; list only the other regions");
            } else if (!seen.add(region)) {
                checks.add(pointer, Values.quote(region) + " is listed more than once");
            }
        }
    }

    private static void restore(Checks checks, JsonNode restore) {
        if (!restore.isObject()) {
            return;
        }
        String pointer = OPTIONAL + "/restore";
        boolean backup = restore.has("backup");
        boolean source = restore.has("source_table");
        boolean pointInTime = restore.has("point_in_time");
        if (backup && (source || pointInTime)) {
            checks.add(pointer, "has both backup and source_table/point_in_time; "
                    + "give either {backup} or {source_table, point_in_time}");
        } else if (source && !pointInTime) {
            checks.add(pointer + "/point_in_time", "required with source_table (an ISO-8601 instant or \"latest\")");
        } else if (pointInTime && !source) {
            checks.add(pointer + "/source_table", "required with point_in_time");
        }
        Checks.text(restore.path("point_in_time"))
                .filter(value -> !isInstantOrLatest(value))
                .ifPresent(value -> checks.add(pointer + "/point_in_time", Values.quote(value)
                        + " is not an ISO-8601 instant (e.g. 2026-01-31T12:00:00Z) or \"latest\""));
    }

    private static boolean isInstantOrLatest(String value) {
        return value.equals("latest") || parseInstant(value).isPresent();
    }

    /** The instant written in ISO-8601 with a zone or offset; empty if it is not one. */
    static Optional<Instant> parseInstant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(Instant.parse(value));
            } catch (DateTimeParseException notInstant) {
                return Optional.empty();
            }
        }
    }
}

package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Maps a document that passed every check to a {@link TableManifest}; it trusts those checks. */
final class ManifestMapper {
    static final String DEFAULT_NAMESPACE = "default";

    TableManifest map(JsonNode document, SourceLocation source) {
        JsonNode metadata = document.path("metadata");
        JsonNode spec = document.path("spec");
        JsonNode optional = spec.path("optional_spec");
        TableOptions options = options(optional);
        boolean provisioned = options.billingMode() == BillingMode.PROVISIONED;
        return new TableManifest(
                source,
                text(metadata.path("namespace")).orElse(DEFAULT_NAMESPACE),
                metadata.path("name").asText(),
                spec.path("region").asText(),
                spec.path("tablename").asText(),
                key(spec.path("pri_key_attributename"), spec.path("pri_key_attributetype")),
                sortKey(optional),
                flag(spec.path("pitr")),
                provisioned ? capacity(spec.path("readcapacityunits"), options.autoScaling(), AutoScalingSpec::read)
                        .orElse(TableManifest.DEFAULT_CAPACITY) : 0,
                provisioned ? capacity(spec.path("writecapacityunits"), options.autoScaling(), AutoScalingSpec::write)
                        .orElse(TableManifest.DEFAULT_CAPACITY) : 0,
                options);
    }

    private static TableOptions options(JsonNode optional) {
        return new TableOptions(
                text(optional.path("billing_mode")).map(BillingMode::valueOf).orElse(BillingMode.PROVISIONED),
                capacity(optional.path("max_read_request_units")),
                capacity(optional.path("max_write_request_units")),
                present(optional.path("pitr_recovery_period_days")).map(JsonNode::asInt),
                backup(optional.path("backup")),
                text(optional.path("stream_view_type")).map(StreamViewType::valueOf),
                text(optional.path("ttl_attributename")),
                flag(optional.path("deletion_protection")),
                text(optional.path("table_class")).map(TableClass::valueOf),
                present(optional.path("sse")).map(sse -> new SseSpec(
                        SseSpec.Type.valueOf(sse.path("type").asText()), text(sse.path("kms_key_id")))),
                insights(optional.path("contributor_insights")).map(ContributorInsightsSpec::enabled),
                tags(optional.path("tags")),
                list(optional.path("global_secondary_indexes"), ManifestMapper::globalIndex),
                list(optional.path("local_secondary_indexes"), ManifestMapper::localIndex),
                list(optional.path("replicas"), ManifestMapper::replica),
                present(optional.path("restore")).map(ManifestMapper::restore),
                optional.path("adopt").asBoolean(false),
                autoScaling(optional.path("autoscaling")),
                text(optional.path("account")),
                warmThroughput(optional.path("warm_throughput")),
                insights(optional.path("contributor_insights")).flatMap(ContributorInsightsSpec::mode),
                text(optional.path("resource_policy")),
                present(optional.path("kinesis_streaming_destination")).map(k -> new KinesisDestinationSpec(
                        k.path("stream_arn").asText(), text(k.path("approximate_creation_date_time_precision")))),
                text(optional.path("multi_region_consistency")).filter("STRONG"::equals)
                        .map(strong -> new StrongConsistency(text(optional.path("witness_region")))),
                present(optional.path("import")).map(ManifestMapper::s3Import));
    }

    private static ImportSpec s3Import(JsonNode s3) {
        JsonNode csv = s3.path("csv");
        return new ImportSpec(s3.path("s3_bucket").asText(), text(s3.path("s3_key_prefix")),
                text(s3.path("s3_bucket_owner")), ImportSpec.Format.valueOf(s3.path("input_format").asText()),
                text(s3.path("input_compression")).map(ImportSpec.Compression::valueOf)
                        .orElse(ImportSpec.Compression.NONE),
                present(csv.path("delimiter")).map(JsonNode::asText),
                list(csv.path("header_list"), JsonNode::asText));
    }

    private static Optional<WarmThroughputSpec> warmThroughput(JsonNode warm) {
        return present(warm).map(w -> new WarmThroughputSpec(capacity(w.path("read_units_per_second")),
                capacity(w.path("write_units_per_second"))));
    }

    /** {@code true}/{@code false}, or {@code {enabled, mode}}. */
    private static Optional<ContributorInsightsSpec> insights(JsonNode insights) {
        if (insights.isObject()) {
            return Optional.of(new ContributorInsightsSpec(insights.path("enabled").asBoolean(),
                    text(insights.path("mode")).map(ContributorInsightsSpec.Mode::valueOf)));
        }
        return flag(insights).map(on -> new ContributorInsightsSpec(on, Optional.empty()));
    }

    private static BackupSpec backup(JsonNode backup) {
        return new BackupSpec(
                text(backup.path("schedule")),
                present(backup.path("retain")).map(JsonNode::asInt),
                backup.path("before_destructive_change").asBoolean(true));
    }

    private static GlobalSecondaryIndex globalIndex(JsonNode index) {
        Optional<AutoScalingSpec> scaling = autoScaling(index.path("autoscaling"));
        List<KeyAttribute> partitionKeys = list(index.path("partition_keys"), ManifestMapper::keyEntry)
                .orElseGet(() -> List.of(key(index.path("pri_key_attributename"), index.path("pri_key_attributetype"))));
        List<KeyAttribute> sortKeys = list(index.path("sort_keys"), ManifestMapper::keyEntry)
                .orElseGet(() -> sortKey(index).stream().toList());
        return new GlobalSecondaryIndex(
                index.path("index_name").asText(),
                partitionKeys.get(0),
                sortKeys.stream().findFirst(),
                projection(index),
                capacity(index.path("readcapacityunits"), scaling, AutoScalingSpec::read),
                capacity(index.path("writecapacityunits"), scaling, AutoScalingSpec::write),
                scaling,
                partitionKeys.subList(1, partitionKeys.size()),
                sortKeys.isEmpty() ? List.of() : sortKeys.subList(1, sortKeys.size()),
                warmThroughput(index.path("warm_throughput")),
                capacity(index.path("max_read_request_units")),
                capacity(index.path("max_write_request_units")),
                insights(index.path("contributor_insights")));
    }

    /** One {@code {name, type}} of {@code partition_keys} or {@code sort_keys}. */
    private static KeyAttribute keyEntry(JsonNode entry) {
        return key(entry.path("name"), entry.path("type"));
    }

    /** A replica is a bare region name or an object with its region and its own settings. */
    private static ReplicaSpec replica(JsonNode replica) {
        if (replica.isTextual()) {
            return ReplicaSpec.of(replica.textValue());
        }
        return new ReplicaSpec(
                replica.path("region").asText(),
                capacity(replica.path("read_capacity_override")),
                capacity(replica.path("max_read_request_units")),
                text(replica.path("table_class")).map(TableClass::valueOf),
                text(replica.path("kms_key_id")),
                list(replica.path("global_secondary_indexes"), index -> new ReplicaSpec.IndexOverride(
                        index.path("index_name").asText(),
                        capacity(index.path("read_capacity_override")),
                        capacity(index.path("max_read_request_units")))).orElse(List.of()));
    }

    private static Optional<AutoScalingSpec> autoScaling(JsonNode scaling) {
        return present(scaling).map(s -> new AutoScalingSpec(
                present(s.path("read")).map(ManifestMapper::scalingDimension),
                present(s.path("write")).map(ManifestMapper::scalingDimension)));
    }

    private static AutoScalingSpec.Dimension scalingDimension(JsonNode dimension) {
        return new AutoScalingSpec.Dimension(
                capacity(dimension.path("min")).orElseThrow(),
                capacity(dimension.path("max")).orElseThrow(),
                dimension.path("target_utilization").asDouble(),
                present(dimension.path("scale_in_cooldown")).map(JsonNode::asInt),
                present(dimension.path("scale_out_cooldown")).map(JsonNode::asInt));
    }

    /** A capacity left out of an auto-scaled dimension starts at the scaling minimum. */
    private static Optional<Long> capacity(JsonNode node, Optional<AutoScalingSpec> scaling,
                                           Function<AutoScalingSpec, Optional<AutoScalingSpec.Dimension>> dimension) {
        return capacity(node).or(() -> scaling.flatMap(dimension).map(AutoScalingSpec.Dimension::min));
    }

    private static LocalSecondaryIndex localIndex(JsonNode index) {
        return new LocalSecondaryIndex(
                index.path("index_name").asText(),
                key(index.path("sort_key_attributename"), index.path("sort_key_attributetype")),
                projection(index));
    }

    private static Projection projection(JsonNode index) {
        List<String> nonKeys = list(index.path("non_key_attributes"), JsonNode::asText).orElse(List.of());
        return new Projection(Projection.Type.valueOf(index.path("projection").asText()), nonKeys);
    }

    private static RestoreSpec restore(JsonNode restore) {
        if (restore.has("backup")) {
            return new RestoreSpec.FromBackup(restore.path("backup").asText());
        }
        String pointInTime = restore.path("point_in_time").asText();
        return new RestoreSpec.FromPointInTime(restore.path("source_table").asText(),
                pointInTime.equals("latest") ? Optional.empty() : SemanticRules.parseInstant(pointInTime));
    }

    private static Optional<KeyAttribute> sortKey(JsonNode holder) {
        return present(holder.path("sort_key_attributename"))
                .map(name -> key(name, holder.path("sort_key_attributetype")));
    }

    private static KeyAttribute key(JsonNode name, JsonNode type) {
        return new KeyAttribute(name.asText(), AttributeType.valueOf(type.asText()));
    }

    /** Capacities may be written as numbers or, as the original operator did, as strings of digits. */
    private static Optional<Long> capacity(JsonNode node) {
        return present(node).map(value -> value.isTextual() ? Long.parseLong(value.textValue()) : value.asLong());
    }

    /** {@code pitr} may be quoted ("true"); the other flags are plain booleans. */
    private static Optional<Boolean> flag(JsonNode node) {
        return present(node).map(value -> value.isTextual() ? Boolean.parseBoolean(value.textValue())
                : value.asBoolean());
    }

    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> result = new LinkedHashMap<>();
        tags.fields().forEachRemaining(tag -> result.put(tag.getKey(), tag.getValue().asText()));
        return result;
    }

    private static <T> Optional<List<T>> list(JsonNode node, Function<JsonNode, T> item) {
        return present(node).map(items -> {
            List<T> result = new ArrayList<>();
            items.forEach(element -> result.add(item.apply(element)));
            return result;
        });
    }

    private static Optional<String> text(JsonNode node) {
        return Checks.text(node);
    }

    private static Optional<JsonNode> present(JsonNode node) {
        return Checks.present(node) ? Optional.of(node) : Optional.empty();
    }
}

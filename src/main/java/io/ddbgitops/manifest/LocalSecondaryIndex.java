package io.ddbgitops.manifest;

/** A local secondary index: shares the table's partition key; can only be made with the table. */
public record LocalSecondaryIndex(String indexName, KeyAttribute sortKey, Projection projection) {
}

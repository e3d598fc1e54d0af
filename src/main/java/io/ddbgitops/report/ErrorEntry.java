package io.ddbgitops.report;

/** A validation error of an invalid manifest, with its position and the field as a dotted path. */
public record ErrorEntry(String file, int line, int column, String field, String message) {
}

package io.ddbgitops.report;

/** A table a manifest declared at a pull request's base that no manifest declares at its head. */
public record UndeclaredTable(String file, String manifest, String region, String table) {
}

package io.ddbgitops.manifest;

public enum TableClass { STANDARD, STANDARD_INFREQUENT_ACCESS }

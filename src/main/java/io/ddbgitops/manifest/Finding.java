package io.ddbgitops.manifest;

/** A problem inside one document before it is placed in a file: the field (JSON pointer) and what is wrong. */
record Finding(String pointer, String message) {
}

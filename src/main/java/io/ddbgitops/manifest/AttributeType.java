package io.ddbgitops.manifest;

/** DynamoDB scalar attribute types that may serve as keys. */
public enum AttributeType { S, N, B }

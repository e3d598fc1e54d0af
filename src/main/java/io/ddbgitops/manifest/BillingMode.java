package io.ddbgitops.manifest;

public enum BillingMode { PROVISIONED, PAY_PER_REQUEST }

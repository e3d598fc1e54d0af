package io.ddbgitops.manifest;

public enum StreamViewType { NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY }

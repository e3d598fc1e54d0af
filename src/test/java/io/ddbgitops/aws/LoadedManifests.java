package io.ddbgitops.aws;

import io.ddbgitops.manifest.LoadResult;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.manifest.TableManifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Manifests for the aws tests, loaded from YAML the way a run loads them (so new options need no test edits). */
final class LoadedManifests {
    private LoadedManifests() {}

    static TableManifest load(Path dir, String table, String optionalSpec) throws IOException {
        Path file = dir.resolve("m-" + table + "-" + System.nanoTime()).resolve("table.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                apiVersion: prsn.io/v1
                kind: Dynamodb
                metadata:
                  name: %s
                  namespace: it
                spec:
                  region: "us-east-1"
                  tablename: "%s"
                  pri_key_attributename: "pk"
                  pri_key_attributetype: "S"
                  pitr: "true"
                  writecapacityunits: 7
                  readcapacityunits: 6
                  optional_spec:
                %s
                """.formatted(table.toLowerCase(java.util.Locale.ROOT), table, optionalSpec.indent(4)),
                StandardCharsets.UTF_8);
        LoadResult result = new ManifestLoader().load(file.getParent());
        if (result.manifests().size() != 1) {
            throw new IllegalStateException("fixture manifest is invalid: " + result.errors());
        }
        return result.manifests().get(0);
    }
}

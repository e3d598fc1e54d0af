package io.ddbgitops.manifest;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The scenario folders under src/test/resources/manifests. */
final class Fixtures {
    private Fixtures() {
    }

    static Path scenario(String name) {
        URL url = Fixtures.class.getResource("/manifests/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture folder manifests/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

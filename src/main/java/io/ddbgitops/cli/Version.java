package io.ddbgitops.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and git commit the build wrote into {@code io/ddbgitops/version.properties}. A build outside a git
 * checkout leaves the commit unresolved ("${...}"): it is then "unknown", and "dev" stands for a missing file.
 */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/io/ddbgitops/version.properties")) {
            if (in != null) {
                build.load(in);
            }
        }
        String version = value(build, "version").orElse("dev");
        String commit = value(build, "commit").orElse("unknown")
                + (value(build, "dirty").filter("true"::equals).isPresent() ? " (with uncommitted changes)" : "");
        return new String[] {"ddb-gitops " + version + " (commit " + commit + ")"};
    }

    private static java.util.Optional<String> value(Properties build, String key) {
        return java.util.Optional.ofNullable(build.getProperty(key)).map(String::strip)
                .filter(v -> !v.isEmpty() && !v.startsWith("${"));
    }
}

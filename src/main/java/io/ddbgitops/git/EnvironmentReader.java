package io.ddbgitops.git;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads GIT_* settings from an environment map; problems are collected, never thrown one by one. */
final class EnvironmentReader {
    private final Map<String, String> env;
    private final List<String> problems;

    EnvironmentReader(Map<String, String> env, List<String> problems) {
        this.env = Map.copyOf(env);
        this.problems = problems;
    }

    /** NAME, or the content of the file NAME_FILE names; setting both is a problem. */
    Optional<String> secret(String name) {
        Optional<String> direct = value(name);
        Optional<Path> file = path(name + "_FILE");
        if (direct.isPresent() && file.isPresent()) {
            problems.add("Set either " + name + " or " + name + "_FILE, not both");
            return Optional.empty();
        }
        if (file.isPresent()) {
            return GitAuth.SecretFiles.read(file.get(), name + "_FILE", problems);
        }
        return direct;
    }

    Optional<Path> path(String name) {
        return value(name).map(Path::of);
    }

    Optional<Boolean> bool(String name) {
        Optional<String> raw = value(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        switch (raw.get().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> { return Optional.of(true); }
            case "false", "no" -> { return Optional.of(false); }
            default -> {
                problems.add(name + " must be true or false but is '" + raw.get() + "'");
                return Optional.empty();
            }
        }
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }
}

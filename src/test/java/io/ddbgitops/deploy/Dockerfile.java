package io.ddbgitops.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project's Dockerfile as instructions (continuation lines joined, comments dropped), enough to check what
 * the image will be without a Docker engine.
 */
record Dockerfile(List<Instruction> instructions) {
    static final Path PATH = Path.of("Dockerfile");

    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile read() throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(PATH)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String whole = pending.toString().strip();
            pending.setLength(0);
            int space = whole.indexOf(' ');
            instructions.add(new Instruction(whole.substring(0, space).toUpperCase(Locale.ROOT),
                    whole.substring(space + 1).strip()));
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    /** The instructions of the last stage, the image that is shipped. */
    List<Instruction> finalStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return instructions.subList(from, instructions.size());
    }

    List<String> all(String keyword) {
        return finalStage().stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /**
     * The final stage's exec-form {@code arguments} (a JSON array) with every path the image's COPY instructions
     * fill replaced by the file of this build they copy ({@code /src/target/x} of the build stage is
     * {@code target/x} here, a file of the build context is that file), so the image's commands run without Docker.
     */
    List<String> onBuildFiles(String execForm) throws IOException {
        Map<String, String> imageToBuild = new LinkedHashMap<>();
        for (String copy : all("COPY")) {
            String[] parts = copy.replace("--from=build ", "").split(" ");
            imageToBuild.put(parts[1], Path.of(parts[0].replaceFirst("^/src/", "")).toAbsolutePath()
                    + (parts[1].endsWith("/") ? "/" : ""));
        }
        List<String> mapped = new ArrayList<>();
        for (String argument : new ObjectMapper().readValue(execForm, String[].class)) {
            String local = argument;
            for (Map.Entry<String, String> e : imageToBuild.entrySet()) {
                local = local.replace(e.getKey(), e.getValue());
            }
            mapped.add(local);
        }
        return List.copyOf(mapped);
    }

    String last(String keyword) {
        List<String> found = all(keyword);
        if (found.isEmpty()) {
            throw new AssertionError("the final stage has no " + keyword);
        }
        return found.get(found.size() - 1);
    }
}

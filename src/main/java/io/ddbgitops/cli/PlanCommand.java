package io.ddbgitops.cli;

import io.ddbgitops.reconcile.RunRequest;
import io.ddbgitops.reconcile.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what apply would change. Never writes to DynamoDB. Exit 2 when there are changes.")
final class PlanCommand extends RunCommand {
    @Option(names = "--push", description = "Commit the plan report and push it (default: off).")
    boolean push;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the Markdown report to FILE.")
    Path out;

    @Override
    RunRequest.Mode mode() {
        return RunRequest.Mode.PLAN;
    }

    @Override
    boolean push() {
        return push;
    }

    @Override
    void after(RunResult result) throws Exception {
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, result.markdown(), StandardCharsets.UTF_8);
        }
    }
}

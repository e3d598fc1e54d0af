package io.ddbgitops.cli;

import picocli.CommandLine.Command;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Make the live tables match the manifests, then commit and push the drift report.")
final class ApplyCommand extends ApplyingCommand {
}

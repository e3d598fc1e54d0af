package io.ddbgitops.cli;

import io.ddbgitops.config.ConfigLoad;
import io.ddbgitops.config.ConfigLoader;
import io.ddbgitops.config.PolicyCheck;
import io.ddbgitops.git.CommitTree;
import io.ddbgitops.git.JGitWorkspace;
import io.ddbgitops.manifest.DirectorySource;
import io.ddbgitops.manifest.ManifestSource;
import io.ddbgitops.reconcile.CommitSource;
import io.ddbgitops.manifest.FieldLocator;
import io.ddbgitops.manifest.LoadResult;
import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.reconcile.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the repository config (ddb-gitops.yaml) and every manifest against the schemas, the semantic "
                + "rules and the namespace policy. Offline; exit 3 when anything is invalid.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    GitOptions gitOptions;

    @Mixin
    RegionOptions regionOptions;

    @Option(names = "--repo", paramLabel = "PATH|URL", defaultValue = ".",
            description = "A local directory (read in place) or a git URL (cloned). Default: the current directory.")
    String repo;

    @Option(names = "--manifests", paramLabel = "DIR", description = "Only this directory inside the repository.")
    String manifests;

    @Override
    public Integer call() throws Exception {
        Path local = Path.of(repo);
        if (!looksLikeUrl(repo) && Files.isDirectory(local)) {
            return validate(local);
        }
        try (JGitWorkspace workspace = JGitWorkspace.cloneRepo(repo, Optional.empty(),
                gitOptions.auth(Main.environment(spec)))) {
            // read from git objects, never checked out
            CommitTree root = workspace.files();
            ManifestSource dir = manifests == null ? new CommitSource(root) : new CommitSource(root.folder(manifests)
                    .orElseThrow(() -> new IllegalArgumentException("--manifests " + manifests
                            + ": no such directory in " + repo)));
            return validate(new CommitSource(root), dir, manifests == null ? "" : manifests.replaceAll("/+$", "") + "/");
        }
    }

    private int validate(Path root) throws java.io.IOException {
        Path dir = manifests == null ? root : root.resolve(manifests);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--manifests " + manifests + ": no such directory in " + repo);
        }
        // the loader follows the folder it is given, so that folder must not lead out of the repository
        if (!dir.toRealPath().startsWith(root.toRealPath())) {
            throw new IllegalArgumentException("--manifests " + manifests + ": leads outside the repository "
                    + "(a symlink?); not read");
        }
        String prefix = manifests == null ? "" : root.toAbsolutePath().normalize()
                .relativize(dir.toAbsolutePath().normalize()).toString().replace('\\', '/') + "/";
        return validate(new DirectorySource(root), new DirectorySource(dir), prefix);
    }

    /** {@code dir} is the repository ({@code root}) or the folder {@code prefix} of it that --manifests names. */
    private int validate(ManifestSource root, ManifestSource dir, String prefix) {
        // the config is always the repository root's, also when only one directory of manifests is validated
        ConfigLoad config = new ConfigLoader().load(root);
        LoadResult result = regionOptions.loader().load(dir);
        PrintWriter out = spec.commandLine().getOut();
        regionOptions.warn(spec.commandLine().getErr(), result.manifests().stream()
                .flatMap(m -> java.util.stream.Stream.concat(java.util.stream.Stream.of(m.region()),
                        m.options().replicas().orElse(java.util.List.of()).stream())).toList());
        config.errors().forEach(error -> out.println(error.format()));
        if (!config.isValid() && manifests == null) {
            result = ConfigLoad.withoutConfigFile(result);
        }
        if (config.isValid()) {
            result = PolicyCheck.admit(config.config().get(), result, prefix, new FieldLocator(dir)::locate);
            out.println("policy: " + config.config().get().policySummary());
        }
        for (ManifestError error : result.errors()) {
            out.println(error.format());
        }
        out.printf("%d valid manifest(s), %d invalid, %d other document(s) skipped%s%n",
                result.manifests().size(), result.invalidManifests(), result.skippedDocuments(),
                config.isValid() ? "" : "; the repository config is invalid");
        return result.errors().isEmpty() && config.isValid() ? RunResult.OK : RunResult.INVALID;
    }

    static boolean looksLikeUrl(String repo) {
        return repo.contains("://") || repo.matches("^[\\w.-]+@[\\w.-]+:.*");
    }
}

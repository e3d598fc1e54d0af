package io.ddbgitops.cli;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.URIish;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bundled {@code sample-repo}, turned into a real bare git repository so that the embedded default clones and
 * pushes for real. With a data directory it lives there and is reused by later runs (so they see the previous
 * report, like a real config repository); otherwise it lives in a temporary directory removed after the run, and
 * the report is kept as a plain file (see {@link #keepReport}) so a newcomer can open it without git.
 */
final class SampleRepo {
    private static final String RESOURCE = "/sample-repo";
    /** Where the report of a run on the sample goes without a data directory: beside the user, not in temp. */
    static final Path REPORT_DIR = Path.of("ddb-gitops-report");

    private SampleRepo() {}

    /** A materialized sample repository; closing it removes it unless it lives in the data directory. */
    record Checkout(Path bare, Optional<Path> temporaryRoot) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (temporaryRoot.isPresent()) {
                deleteTree(temporaryRoot.get());
            }
        }
    }

    /** A bare repository whose main branch holds the sample manifests. */
    static Checkout open(Optional<Path> dataDir) throws IOException, GitAPIException, URISyntaxException {
        if (dataDir.isPresent()) {
            Path bare = dataDir.get().resolve("sample-repo.git");
            if (!Files.isDirectory(bare)) {
                Files.createDirectories(dataDir.get());
                create(bare);
            }
            return new Checkout(bare, Optional.empty());
        }
        Path root = Files.createTempDirectory("ddb-gitops-sample-");
        try {
            Path bare = root.resolve("config.git");
            create(bare);
            return new Checkout(bare, Optional.of(root));
        } catch (IOException | GitAPIException | URISyntaxException | RuntimeException e) {
            deleteTree(root);
            throw e;
        }
    }

    /**
     * Writes the run's REPORT.md to {@code <data-dir>/report/} or {@code ./ddb-gitops-report/} and returns its
     * path: the sample repository is bare (and, without a data directory, gone after the run).
     */
    static Path keepReport(String markdown, Optional<Path> dataDir) throws IOException {
        Path dir = dataDir.map(d -> d.resolve("report")).orElse(REPORT_DIR);
        Files.createDirectories(dir);
        Path file = dir.resolve("REPORT.md");
        Files.writeString(file, markdown);
        return file.toAbsolutePath().normalize();
    }

    private static void create(Path bare) throws IOException, GitAPIException, URISyntaxException {
        Path seed = Files.createTempDirectory("ddb-gitops-sample-seed-");
        try {
            copyResources(seed);
            Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
            try (Git git = Git.init().setInitialBranch("main").setDirectory(seed.toFile()).call()) {
                git.add().addFilepattern(".").call();
                PersonIdent author = new PersonIdent("ddb-gitops", "ddb-gitops@localhost");
                git.commit().setMessage("Sample DynamoDB manifests").setAuthor(author).setCommitter(author).call();
                git.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
                git.push().setRemote("origin").add("main").call();
            }
        } finally {
            deleteTree(seed);
        }
    }

    private static void copyResources(Path target) throws IOException, URISyntaxException {
        URL url = SampleRepo.class.getResource(RESOURCE);
        if (url == null) {
            throw new IOException("the bundled sample-repo is missing from the classpath");
        }
        URI uri = url.toURI();
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                copyTree(jar.getPath(RESOURCE), target);
            }
        } else {
            copyTree(Path.of(uri), target);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path destination = target.resolve(source.relativize(file).toString());
            Files.createDirectories(destination.getParent());
            try (InputStream in = Files.newInputStream(file)) {
                Files.copy(in, destination);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

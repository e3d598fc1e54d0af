package io.ddbgitops.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command, {@code java -jar target/ddb-gitops.jar apply --local}, as a newcomer runs it. */
class SampleRunIT {
    @TempDir
    Path temp;

    @Test
    void applyOnTheSampleLeavesItsReportBesideTheUserAndNothingInTemp() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Path log = temp.resolve("apply.log");
        Process apply = ShadedJar.start(work, tmp, log, "apply", "--local");
        assertThat(apply.waitFor(5, TimeUnit.MINUTES)).as("apply --local finishes").isTrue();
        String output = Files.readString(log);
        assertThat(apply.exitValue()).as(output).isZero();

        Path report = work.resolve("ddb-gitops-report/REPORT.md").toRealPath();
        assertThat(output).contains("report file: " + report).contains("us-east-1/People");
        assertThat(output.indexOf("report file: ")).as("the count line closes the output")
                .isLessThan(output.lastIndexOf("Apply: 3 created"));
        assertThat(Files.readString(report)).contains("People").contains("Orders").contains("Sessions");
        // DynamoDB Local's native library is unpacked once per version into the user's cache (NativeLibraries) and
        // reused by every run; the temp directory keeps nothing of the run.
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.filter(p -> !p.getFileName().toString().startsWith("hsperfdata_")).toList())
                    .as("left in java.io.tmpdir").isEmpty();
        }
        try (Stream<Path> cached = Files.list(temp.resolve("tmp-cache/ddb-gitops"))) {
            assertThat(cached.map(p -> p.getFileName().toString()).toList()).singleElement()
                    .asString().startsWith("native-");
        }
    }

    @Test
    void theShadedJarCarriesNoTestLibraries() throws Exception {
        try (ZipFile jar = new ZipFile(ShadedJar.JAR.toFile())) {
            List<String> testOnly = jar.stream().map(e -> e.getName())
                    .filter(name -> name.startsWith("org/mockito/") || name.startsWith("org/hamcrest/")
                            || name.startsWith("org/objenesis/") || name.startsWith("org/junit/")
                            || name.startsWith("junit/") || name.startsWith("org/assertj/"))
                    .toList();
            assertThat(testOnly).isEmpty();
        }
    }
}

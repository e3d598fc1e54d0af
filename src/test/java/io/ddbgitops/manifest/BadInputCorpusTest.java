package io.ddbgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the hostile-input corpus ({@link BadInputs}), each in a real folder beside valid manifests:
 * the expected error names file, line and column; nothing escapes as an exception or a stack trace; no error
 * echoes more than a short piece of the input; and the valid manifests still load.
 */
class BadInputCorpusTest {
    /** Long enough for the longest message (an unknown field and the allowed names), far below any huge input. */
    private static final int LONGEST_ERROR = 1_000;

    private static final ManifestLoader LOADER = new ManifestLoader();

    @TempDir
    Path temp;

    static List<String> cases() {
        return BadInputs.cases();
    }

    @Test
    void holdsAtLeastFortyCasesEachWithItsExpectedMessage() throws Exception {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
        for (String name : cases()) {
            assertThat(BadInputs.expected(name)).as(name + "/expected.txt").isNotEmpty()
                    .allSatisfy(line -> assertThat(line).matches("[^:]+:\\d+:\\d+: .+"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheCaseAtItsFileAndLineAndStillLoadsTheValidManifests(String name) throws Exception {
        Path repo = temp.resolve("repo");
        BadInputs.writeValid(repo);
        BadInputs.writeCase(name, repo, temp.resolve("outside"));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream err = System.err;
        PrintStream out = System.out;
        LoadResult result;
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            System.setOut(capture);
            result = LOADER.load(repo);
        } finally {
            System.setErr(err);
            System.setOut(out);
        }

        List<String> errors = result.errors().stream().map(ManifestError::format).toList();
        for (String expected : BadInputs.expected(name)) {
            assertThat(errors).as("errors of " + name).anySatisfy(error -> assertThat(error)
                    .contains(name + "/" + expected));
        }
        assertThat(errors).as("every error is about the case, not the valid manifests beside it")
                .allSatisfy(error -> assertThat(error).startsWith(name + "/"))
                .allSatisfy(error -> assertThat(error).hasSizeLessThan(LONGEST_ERROR).doesNotContain("\n"));
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.invalidManifests()).as("nothing of a bad case is applied, and pruning stays off")
                .isPositive();
        assertThat(result.manifests()).extracting(TableManifest::id).containsExactlyInAnyOrderElementsOf(
                BadInputs.VALID_IDS);
    }
}

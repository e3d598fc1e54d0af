package io.ddbgitops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CI example under {@code examples/} is a pipeline GitLab or GitHub would accept: it parses, validates
 * against the vendored JSON schema of its CI system (offline, see {@code src/test/resources/ci-schemas/README.md}),
 * and every shell line is a string — a line holding ": " that is not quoted parses as a mapping, and GitLab
 * rejects the whole pipeline for it.
 */
class CiExamplesTest {
    private static final Path EXAMPLES = Path.of("examples");
    static final String MARKER = io.ddbgitops.report.PullRequestMarkdown.MARKER;
    /** GitLab's top-level keywords; every other top-level key not starting with "." is a job. */
    private static final Set<String> GITLAB_KEYWORDS = Set.of("default", "include", "stages", "variables",
            "workflow", "image", "services", "cache", "before_script", "after_script", "pages", "spec");

    static Stream<Path> githubWorkflows() throws IOException {
        return files(EXAMPLES.resolve("github-actions"));
    }

    static Stream<Path> gitlabPipelines() throws IOException {
        return files(EXAMPLES.resolve("gitlab-ci"));
    }

    @Test
    void everyExampleIsCovered() throws IOException {
        try (Stream<Path> all = Files.walk(EXAMPLES)) {
            List<Path> yaml = all.filter(CiExamplesTest::isYaml).toList();
            assertThat(yaml).hasSize(githubWorkflows().toList().size() + gitlabPipelines().toList().size());
        }
    }

    @ParameterizedTest
    @MethodSource("githubWorkflows")
    void githubWorkflowMatchesTheSchema(Path file) throws IOException {
        assertThat(violations("github-workflow.json", Yaml.read(file))).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("githubWorkflows")
    void everyGithubStepRunsAString(Path file) throws IOException {
        JsonNode jobs = Yaml.read(file).path("jobs");
        assertThat(jobs.size()).as(file + ": jobs").isPositive();
        jobs.fields().forEachRemaining(job -> {
            String where = file + ": jobs." + job.getKey();
            assertThat(job.getValue().has("runs-on")).as(where + ".runs-on").isTrue();
            JsonNode steps = job.getValue().path("steps");
            assertThat(steps.isArray() && !steps.isEmpty()).as(where + ".steps").isTrue();
            for (JsonNode step : steps) {
                assertThat(step.has("run") || step.has("uses")).as(where + ": a step runs or uses").isTrue();
                if (step.has("run")) {
                    assertThat(step.get("run").isTextual()).as(where + ": run " + step.get("run")).isTrue();
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("gitlabPipelines")
    void gitlabPipelineMatchesTheSchema(Path file) throws IOException {
        assertThat(violations("gitlab-ci.json", Yaml.read(file))).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("gitlabPipelines")
    void everyGitlabScriptLineIsAString(Path file) throws IOException {
        JsonNode pipeline = Yaml.read(file);
        List<String> stages = new ArrayList<>();
        pipeline.path("stages").forEach(stage -> stages.add(stage.asText()));
        List<String> jobs = new ArrayList<>();
        pipeline.fields().forEachRemaining(entry -> {
            if (GITLAB_KEYWORDS.contains(entry.getKey()) || entry.getKey().startsWith(".")) {
                return;
            }
            String where = file + ": " + entry.getKey();
            jobs.add(entry.getKey());
            JsonNode job = entry.getValue();
            assertThat(stages).as(where + ".stage").contains(job.path("stage").asText());
            for (String key : List.of("before_script", "script", "after_script")) {
                JsonNode lines = job.path(key);
                if (key.equals("script")) {
                    assertThat(lines.isArray() && !lines.isEmpty()).as(where + ".script").isTrue();
                }
                for (JsonNode line : lines) {
                    assertThat(line.isTextual()).as(where + "." + key + " item " + line).isTrue();
                }
            }
        });
        assertThat(jobs).as(file + ": jobs").isNotEmpty();
    }

    @Test
    void theGithubPullRequestCommentIsEditedByItsMarker() throws IOException {
        String text = Files.readString(EXAMPLES.resolve("github-actions/ddb-gitops-plan.yml"));
        assertThat(text).contains(MARKER).contains("--method PATCH").contains("issues/comments/");
    }

    @Test
    void theGitlabMergeRequestCommentIsEditedByItsMarker() throws IOException {
        JsonNode pipeline = Yaml.read(EXAMPLES.resolve("gitlab-ci/.gitlab-ci.yml"));
        assertThat(pipeline.path("variables").path("DDB_GITOPS_MARKER").asText()).isEqualTo(MARKER);
        assertThat(pipeline.path("ddb-gitops-comment").path("script").toString()).contains("--request PUT");
    }

    @Test
    void githubAppliesOnEveryMergeToMainAndNightly() throws IOException {
        JsonNode on = Yaml.read(EXAMPLES.resolve("github-actions/ddb-gitops-apply.yml")).path("on");
        assertThat(on.path("push").path("branches").toString()).isEqualTo("[\"main\"]");
        assertThat(on.path("schedule").isArray()).isTrue();
    }

    @Test
    void gitlabAppliesOnEveryMergeToTheDefaultBranchAndOnSchedule() throws IOException {
        String rules = Yaml.read(EXAMPLES.resolve("gitlab-ci/.gitlab-ci.yml")).path("ddb-gitops-apply")
                .path("rules").toString();
        assertThat(rules).contains("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH").contains("\\\"schedule\\\"");
    }

    private static List<String> violations(String schemaName, JsonNode document) throws IOException {
        try (InputStream in = CiExamplesTest.class.getResourceAsStream("/ci-schemas/" + schemaName)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
            return schema.validate(document).stream().map(ValidationMessage::getMessage).toList();
        }
    }

    private static Stream<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(CiExamplesTest::isYaml).sorted().toList().stream();
        }
    }

    private static boolean isYaml(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }
}

package io.ddbgitops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file under {@code deploy/kubernetes/} is read into the Kubernetes object model (fabric8), failing on a
 * field the model does not know, and the objects keep the guarantees the README promises: no overlapping runs,
 * bounded runs, a non-root numeric user, a read-only root filesystem with a writable temp directory, git
 * credentials as files, and an IRSA-annotated service account.
 */
class KubernetesManifestsTest {
    private static final Path DIR = Path.of("deploy/kubernetes");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Namespace", Namespace.class, "ServiceAccount", ServiceAccount.class, "Secret", Secret.class,
            "CronJob", CronJob.class, "Deployment", Deployment.class);
    private static final ObjectMapper STRICT = Yaml.mapper();
    private static final String SECRET_DIR = "/var/run/secrets/ddb-gitops/git";
    private static final String APPLY = "ddb-gitops-apply";
    private static final String SHARDED = "ddb-gitops-apply-sharded";

    private static List<HasMetadata> objects;

    @BeforeAll
    static void readAll() throws IOException {
        objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode document : Yaml.readAll(file)) {
                    String kind = document.path("kind").asText();
                    assertThat(KINDS).as(file + ": kind " + kind).containsKey(kind);
                    HasMetadata object = STRICT.treeToValue(document, KINDS.get(kind));
                    assertThat(unknownFields(object, kind)).as(file + ": fields the model does not know").isEmpty();
                    assertThat(object.getApiVersion()).as(file + ": apiVersion").isEqualTo(
                            kind.equals("CronJob") ? "batch/v1" : kind.equals("Deployment") ? "apps/v1" : "v1");
                    assertThat(object.getMetadata().getName()).as(file + ": metadata.name").isNotBlank();
                    objects.add(object);
                }
            }
        }
    }

    @Test
    void everyKindIsThere() {
        assertThat(objects).extracting(HasMetadata::getKind)
                .containsExactlyInAnyOrder("CronJob", "CronJob", "Deployment", "Namespace", "Secret", "ServiceAccount");
        assertThat(objects).allMatch(o -> o instanceof Namespace || "ddb-gitops".equals(o.getMetadata().getNamespace()));
    }

    @Test
    void theCronJobNeverOverlapsAndIsBounded() {
        CronJob cronJob = cronJob(APPLY);
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(cronJob.getSpec().getStartingDeadlineSeconds()).isPositive();
        JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();
        assertThat(job.getActiveDeadlineSeconds()).isPositive();
        assertThat(job.getBackoffLimit()).isBetween(0, 6);
        assertThat(job.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getTemplate().getSpec().getContainers().get(0).getArgs()).startsWith("apply");
        assertHardened(job.getTemplate().getSpec());
    }

    /** One Indexed Job per schedule, one pod per shard, all at once; --shards takes the same N as the Job. */
    @Test
    void theShardedCronJobRunsOneIndexedPodPerShard() {
        CronJob cronJob = cronJob(SHARDED);
        assertThat(cronJob.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();
        assertThat(job.getCompletionMode()).isEqualTo("Indexed");
        assertThat(job.getCompletions()).isGreaterThan(1).isEqualTo(job.getParallelism());
        assertThat(job.getActiveDeadlineSeconds()).isPositive();
        assertThat(job.getBackoffLimitPerIndex()).isBetween(0, 6);
        assertThat(job.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        List<String> args = job.getTemplate().getSpec().getContainers().get(0).getArgs();
        assertThat(args).startsWith("apply").doesNotContain("--shard");
        assertThat(args.get(args.indexOf("--shards") + 1)).isEqualTo(String.valueOf(job.getCompletions()));
        assertThat(job.getTemplate().getSpec().getServiceAccountName()).isEqualTo(
                cronJob(APPLY).getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getServiceAccountName());
        assertHardened(job.getTemplate().getSpec());
    }

    @Test
    void serveRunsAsOneReplicaWithProbes() {
        Deployment deployment = one(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertThat(container.getArgs()).startsWith("serve", "--cron");
        for (Probe probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(),
                container.getStartupProbe())) {
            assertThat(probe).isNotNull();
            assertThat(probe.getHttpGet().getPath()).isIn("/healthz", "/readyz");
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
        assertThat(container.getPorts()).anySatisfy(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).isEqualTo(8080);
        });
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertHardened(pod);
    }

    @Test
    void theServiceAccountAssumesAnIamRole() {
        ServiceAccount account = one(ServiceAccount.class);
        assertThat(account.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn"))
                .matches("arn:aws:iam::\\d{12}:role/.+");
        for (String name : List.of(APPLY, SHARDED)) {
            assertThat(cronJob(name).getSpec().getJobTemplate().getSpec().getTemplate().getSpec()
                    .getServiceAccountName()).isEqualTo(account.getMetadata().getName());
        }
        assertThat(one(Deployment.class).getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(account.getMetadata().getName());
    }

    @Test
    void gitCredentialsAreMountedSecretFilesNamedByGitFileVariables() {
        Secret secret = one(Secret.class);
        for (PodSpec pod : List.of(
                cronJob(APPLY).getSpec().getJobTemplate().getSpec().getTemplate().getSpec(),
                cronJob(SHARDED).getSpec().getJobTemplate().getSpec().getTemplate().getSpec(),
                one(Deployment.class).getSpec().getTemplate().getSpec())) {
            Volume volume = volumeMountedAt(pod, SECRET_DIR);
            assertThat(volume.getSecret().getSecretName()).isEqualTo(secret.getMetadata().getName());
            Container container = pod.getContainers().get(0);
            assertThat(mount(container, SECRET_DIR).orElseThrow().getReadOnly()).isTrue();
            List<EnvVar> gitVariables = container.getEnv().stream().filter(e -> e.getName().startsWith("GIT_"))
                    .toList();
            assertThat(gitVariables).isNotEmpty().allSatisfy(variable -> {
                assertThat(variable.getName()).endsWith("_FILE");
                assertThat(variable.getValue()).startsWith(SECRET_DIR + "/");
                assertThat(secret.getStringData()).containsKey(
                        variable.getValue().substring(SECRET_DIR.length() + 1));
            });
        }
    }

    /** fabric8 keeps fields it does not know in each object's additionalProperties: a typo lands there. */
    private static List<String> unknownFields(Object node, String path) {
        List<String> unknown = new ArrayList<>();
        if (node instanceof List<?> list) {
            list.forEach(item -> unknown.addAll(unknownFields(item, path + "[]")));
            return unknown;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknown.addAll(unknownFields(value, path + "." + key)));
            return unknown;
        }
        if (node == null || !node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return unknown;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(getter.toString(), e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
            } else {
                unknown.addAll(unknownFields(value, path + "." + getter.getName().substring(3)));
            }
        }
        return unknown;
    }

    private static void assertHardened(PodSpec pod) {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        Container container = pod.getContainers().get(0);
        var security = container.getSecurityContext();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getRunAsUser()).isEqualTo(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        // The read-only root filesystem needs a writable temp directory, and the JVM and tools must use it.
        Volume tmp = volumeMountedAt(pod, "/tmp");
        assertThat(tmp.getEmptyDir()).isNotNull();
        assertThat(env(container, "TMPDIR")).contains("/tmp");
        assertThat(env(container, "JAVA_TOOL_OPTIONS")).hasValueSatisfying(
                options -> assertThat(options).contains("-Djava.io.tmpdir=/tmp"));
        assertThat(container.getImage()).doesNotEndWith(":latest").contains(":");
    }

    private static Volume volumeMountedAt(PodSpec pod, String path) {
        VolumeMount mount = mount(pod.getContainers().get(0), path).orElseThrow(
                () -> new AssertionError("nothing mounted at " + path));
        return pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
    }

    private static Optional<VolumeMount> mount(Container container, String path) {
        return container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst();
    }

    private static Optional<String> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst();
    }

    private static CronJob cronJob(String name) {
        return objects.stream().filter(CronJob.class::isInstance).map(CronJob.class::cast)
                .filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no CronJob " + name));
    }

    private static <T extends HasMetadata> T one(Class<T> kind) {
        List<T> found = objects.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(found).as(kind.getSimpleName()).hasSize(1);
        return found.get(0);
    }
}

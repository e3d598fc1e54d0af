package io.ddbgitops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/iam-policy-plan.json} and {@code deploy/iam-policy-apply.json} grant every AWS operation the code
 * calls. The calls are read from the source at test time: every {@code .operation(} of an SDK client (known by
 * reflection on the client interfaces) in a file that uses that client, outside the local endpoint (which
 * answers AWS calls rather than making them). So a new call without its permission fails here.
 */
class IamPolicyTest {
    private static final Path SOURCES = Path.of("src/main/java/io/ddbgitops");
    private static final Path LOCAL_ENDPOINT = SOURCES.resolve("local");
    private static final Pattern CALL = Pattern.compile("\\.([a-z][A-Za-z0-9]*)\\s*\\(");
    private static final Set<String> READ_PREFIXES = Set.of("Describe", "List", "Get");
    /** Reads that only follow a write of apply, so the plan role does without them (least privilege). */
    private static final Map<String, String> APPLY_ONLY_READS = Map.of(
            "dynamodb:DescribeBackup", "waits for a backup this run took to become AVAILABLE");

    /** Client interface name as written in a source file → IAM prefix and operation names of its methods. */
    private static final Map<String, Service> SERVICES = Map.of(
            "DynamoDbClient", new Service("dynamodb", DynamoDbClient.class),
            "ApplicationAutoScalingClient", new Service("application-autoscaling", ApplicationAutoScalingClient.class),
            "KmsClient", new Service("kms", KmsClient.class));

    /** Granted though never called: AWS checks them on the caller when an operation we call runs (README). */
    private static final Map<String, String> DEPENDENT_ACTIONS = Map.ofEntries(
            Map.entry("dynamodb:BatchWriteItem", "restores and new replicas write the target table"),
            Map.entry("dynamodb:DeleteItem", "restores and new replicas write the target table"),
            Map.entry("dynamodb:GetItem", "restores and new replicas read the target table"),
            Map.entry("dynamodb:PutItem", "restores and new replicas write the target table"),
            Map.entry("dynamodb:Query", "restores and new replicas read the target table"),
            Map.entry("dynamodb:UpdateItem", "restores and new replicas write the target table"),
            Map.entry("dynamodb:CreateTableReplica", "UpdateTable adding a replica invokes it in the new region"),
            Map.entry("dynamodb:DeleteTableReplica", "UpdateTable removing a replica invokes it there"),
            Map.entry("cloudwatch:PutMetricAlarm", "PutScalingPolicy creates the target-tracking alarms"),
            Map.entry("cloudwatch:DescribeAlarms", "PutScalingPolicy and DeleteScalingPolicy read the alarms"),
            Map.entry("cloudwatch:DeleteAlarms", "DeleteScalingPolicy deletes the alarms"),
            Map.entry("iam:CreateServiceLinkedRole", "first replica, contributor insights, scalable target"));

    private static Map<String, Set<Path>> calledActions;

    @BeforeAll
    static void scanSources() throws IOException {
        calledActions = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(LOCAL_ENDPOINT)).toList()) {
                String source = Files.readString(file);
                SERVICES.forEach((clientType, service) -> {
                    if (!source.contains(clientType)) {
                        return;
                    }
                    Matcher call = CALL.matcher(source);
                    while (call.find()) {
                        service.action(call.group(1)).ifPresent(action ->
                                calledActions.computeIfAbsent(action, a -> new TreeSet<>()).add(file));
                    }
                });
            }
        }
    }

    @Test
    void theScanFindsTheCallsWeKnowAbout() {
        assertThat(calledActions).containsKeys("dynamodb:CreateTable", "dynamodb:DescribeTable",
                "dynamodb:ListTables", "dynamodb:UpdateTable", "dynamodb:CreateBackup",
                "application-autoscaling:RegisterScalableTarget", "application-autoscaling:DescribeScalableTargets",
                "kms:ListAliases");
    }

    @Test
    void thePoliciesGrantNothingTheCodeDoesNotNeed() throws IOException {
        for (String name : Set.of("iam-policy-plan.json", "iam-policy-apply.json")) {
            Set<String> unused = actions(policy(name));
            unused.removeAll(calledActions.keySet());
            unused.removeAll(DEPENDENT_ACTIONS.keySet());
            assertThat(unused).as(name + ": granted but neither called nor needed by a call").isEmpty();
        }
    }

    @Test
    void theApplyPolicyGrantsEveryOperationTheCodeCalls() throws IOException {
        Set<String> granted = actions(policy("iam-policy-apply.json"));
        assertThat(granted).as("missing in deploy/iam-policy-apply.json (called in %s)", calledActions)
                .containsAll(calledActions.keySet());
    }

    @Test
    void thePlanPolicyGrantsEveryReadTheCodeMakesAndNothingElse() throws IOException {
        Set<String> granted = actions(policy("iam-policy-plan.json"));
        Set<String> reads = new TreeSet<>(calledActions.keySet());
        reads.removeIf(action -> !isRead(action) || APPLY_ONLY_READS.containsKey(action));
        assertThat(granted).as("reads missing in deploy/iam-policy-plan.json").containsAll(reads);
        assertThat(granted).as("plan may only read").allMatch(IamPolicyTest::isRead);
    }

    @Test
    void thePlanPolicyIsPartOfTheApplyPolicy() throws IOException {
        assertThat(actions(policy("iam-policy-apply.json"))).containsAll(actions(policy("iam-policy-plan.json")));
    }

    @Test
    void noActionIsAWildcardAndTableActionsAreLimitedToTables() throws IOException {
        for (String name : Set.of("iam-policy-plan.json", "iam-policy-apply.json")) {
            JsonNode policy = policy(name);
            assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
            for (JsonNode statement : policy.path("Statement")) {
                String sid = name + " " + statement.path("Sid").asText();
                assertThat(statement.path("Effect").asText()).as(sid).isEqualTo("Allow");
                Set<String> actions = values(statement.path("Action"));
                assertThat(actions).as(sid).noneMatch(action -> action.contains("*"));
                Set<String> resources = values(statement.path("Resource"));
                boolean wholeAccount = resources.contains("*");
                if (wholeAccount) {
                    // Only actions that the service authorization reference lists without a resource type.
                    assertThat(actions).as(sid + " grants on *").allMatch(action -> !action.startsWith("dynamodb:")
                            || action.equals("dynamodb:ListTables") || action.equals("dynamodb:ListBackups"));
                } else {
                    assertThat(resources).as(sid).allMatch(arn -> arn.startsWith("arn:aws:dynamodb:*:*:table/")
                            || arn.startsWith("arn:aws:iam::*:role/aws-service-role/"));
                }
            }
        }
    }

    private static boolean isRead(String action) {
        String operation = action.substring(action.indexOf(':') + 1);
        return READ_PREFIXES.stream().anyMatch(operation::startsWith);
    }

    private static JsonNode policy(String name) throws IOException {
        return new ObjectMapper().readTree(Path.of("deploy", name).toFile());
    }

    private static Set<String> actions(JsonNode policy) {
        Set<String> actions = new TreeSet<>();
        policy.path("Statement").forEach(statement -> actions.addAll(values(statement.path("Action"))));
        return actions;
    }

    private static Set<String> values(JsonNode stringOrArray) {
        Set<String> values = new TreeSet<>();
        if (stringOrArray.isArray()) {
            stringOrArray.forEach(v -> values.add(v.asText()));
        } else {
            values.add(stringOrArray.asText());
        }
        return values;
    }

    /** An SDK client's operations: methods answering a {@code *Response}, paginators, and its waiter. */
    private record Service(String prefix, Class<?> client) {
        java.util.Optional<String> action(String method) {
            if (method.equals("waiter")) {
                // The DynamoDB waiters poll DescribeTable (tableExists / tableNotExists).
                return prefix.equals("dynamodb") ? java.util.Optional.of("dynamodb:DescribeTable")
                        : java.util.Optional.empty();
            }
            for (Method m : client.getMethods()) {
                if (!m.getName().equals(method)) {
                    continue;
                }
                String returned = m.getReturnType().getSimpleName();
                String operation = method.endsWith("Paginator") && returned.endsWith("Iterable")
                        ? method.substring(0, method.length() - "Paginator".length())
                        : returned.endsWith("Response") ? method : null;
                if (operation != null) {
                    return java.util.Optional.of(prefix + ":" + Character.toUpperCase(operation.charAt(0))
                            + operation.substring(1));
                }
            }
            return java.util.Optional.empty();
        }
    }
}

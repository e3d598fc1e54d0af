package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the endpoint emulates of the newer settings, on the wire with the AWS CLI: WarmThroughput (table and index,
 * increase only), an index's OnDemandThroughput with one cap, multi-attribute index keys, ContributorInsightsMode and
 * the KMS stand-in's aliases.
 */
class LocalEndpointNewerSettingsIT {
    private static LocalEndpoint endpoint;
    private static AwsCli cli;

    @TempDir
    static Path home;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(AwsCli.find().isPresent(), "aws CLI not on PATH");
        endpoint = LocalEndpoint.start(0, Optional.empty());
        cli = new AwsCli(endpoint.endpoint(), home);
    }

    @AfterAll
    static void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    /** Attributes id (the table's key), a and, when {@code withB}, b are defined. */
    private static JsonNode createTable(String name, String indexes, boolean withB) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("dynamodb", "create-table",
                "--table-name", name, "--billing-mode", "PAY_PER_REQUEST", "--key-schema",
                "AttributeName=id,KeyType=HASH", "--global-secondary-indexes", indexes, "--attribute-definitions",
                "AttributeName=id,AttributeType=S", "AttributeName=a,AttributeType=S"));
        if (withB) {
            args.add("AttributeName=b,AttributeType=N");
        }
        return cli.json(args.toArray(String[]::new));
    }

    @Test
    void describesWarmThroughputWithAwsDefaultsAndRefusesADecrease() throws Exception {
        createTable("warm-table", "[{\"IndexName\":\"byA\",\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"},\"WarmThroughput\":{\"ReadUnitsPerSecond\":15000},"
                + "\"OnDemandThroughput\":{\"MaxReadRequestUnits\":100}}]", false);

        JsonNode table = cli.json("dynamodb", "describe-table", "--table-name", "warm-table").path("Table");

        assertThat(table.path("WarmThroughput").toString())
                .isEqualTo("{\"ReadUnitsPerSecond\":12000,\"WriteUnitsPerSecond\":4000,\"Status\":\"ACTIVE\"}");
        JsonNode index = table.path("GlobalSecondaryIndexes").path(0);
        assertThat(index.path("WarmThroughput").path("ReadUnitsPerSecond").asLong()).isEqualTo(15_000);
        assertThat(index.path("OnDemandThroughput").path("MaxReadRequestUnits").asLong()).isEqualTo(100);

        AwsCli.Result lower = cli.run("dynamodb", "update-table", "--table-name", "warm-table",
                "--global-secondary-index-updates",
                "[{\"Update\":{\"IndexName\":\"byA\",\"WarmThroughput\":{\"ReadUnitsPerSecond\":13000}}}]");
        assertThat(lower.exitCode()).isNotZero();
        assertThat(lower.stderr()).contains("(ValidationException)").contains("decreasing WarmThroughput is not supported");

        JsonNode raised = cli.json("dynamodb", "update-table", "--table-name", "warm-table", "--warm-throughput",
                "ReadUnitsPerSecond=20000");
        assertThat(raised.at("/TableDescription/WarmThroughput/ReadUnitsPerSecond").asLong()).isEqualTo(20_000);
        JsonNode uncapped = cli.json("dynamodb", "update-table", "--table-name", "warm-table",
                "--global-secondary-index-updates",
                "[{\"Update\":{\"IndexName\":\"byA\",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":-1}}}]");
        assertThat(uncapped.at("/TableDescription/GlobalSecondaryIndexes/0/OnDemandThroughput").isMissingNode())
                .isTrue();
    }

    @Test
    void keepsAMultiAttributeKeySchemaAsDeclaredAndRefusesAFifthAttribute() throws Exception {
        createTable("multi-key", "[{\"IndexName\":\"byAB\",\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"},"
                + "{\"AttributeName\":\"b\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]", true);

        JsonNode table = cli.json("dynamodb", "describe-table", "--table-name", "multi-key").path("Table");

        assertThat(table.at("/GlobalSecondaryIndexes/0/KeySchema").toString()).isEqualTo(
                "[{\"AttributeName\":\"a\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"b\",\"KeyType\":\"HASH\"}]");
        assertThat(table.path("AttributeDefinitions").toString()).contains("\"AttributeName\":\"b\"");
        StringBuilder five = new StringBuilder("[{\"IndexName\":\"tooMany\",\"KeySchema\":[");
        for (String name : new String[] {"a", "b", "c", "d", "e"}) {
            five.append(name.equals("a") ? "" : ",").append("{\"AttributeName\":\"").append(name)
                    .append("\",\"KeyType\":\"HASH\"}");
        }
        five.append("],\"Projection\":{\"ProjectionType\":\"ALL\"}}]");
        AwsCli.Result refused = cli.run("dynamodb", "create-table", "--table-name", "five-keys", "--billing-mode",
                "PAY_PER_REQUEST", "--key-schema", "AttributeName=id,KeyType=HASH", "--attribute-definitions",
                "AttributeName=id,AttributeType=S", "AttributeName=a,AttributeType=S", "AttributeName=b,AttributeType=S",
                "AttributeName=c,AttributeType=S", "AttributeName=d,AttributeType=S", "AttributeName=e,AttributeType=S",
                "--global-secondary-indexes", five.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("(ValidationException)").contains("at most 4 partition key");
    }

    @Test
    void answersContributorInsightsModeAndKmsAliases() throws Exception {
        createTable("insights-mode", "[{\"IndexName\":\"byA\",\"KeySchema\":[{\"AttributeName\":\"a\",\"KeyType\":"
                + "\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]", false);
        cli.json("dynamodb", "update-contributor-insights", "--table-name", "insights-mode", "--index-name", "byA",
                "--contributor-insights-action", "ENABLE", "--contributor-insights-mode", "THROTTLED_KEYS");

        JsonNode described = cli.json("dynamodb", "describe-contributor-insights", "--table-name", "insights-mode",
                "--index-name", "byA");
        assertThat(described.path("ContributorInsightsMode").asText()).isEqualTo("THROTTLED_KEYS");
        assertThat(cli.json("dynamodb", "list-contributor-insights", "--table-name", "insights-mode")
                .at("/ContributorInsightsSummaries/0/ContributorInsightsMode").asText()).isEqualTo("THROTTLED_KEYS");

        cli.json("kms", "create-alias", "--alias-name", "alias/orders", "--target-key-id",
                "1234abcd-12ab-34cd-56ef-1234567890ab");
        AwsCli.Result again = cli.run("kms", "create-alias", "--alias-name", "alias/orders", "--target-key-id",
                "1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(again.stderr()).contains("(AlreadyExistsException)");
        JsonNode aliases = cli.json("kms", "list-aliases").path("Aliases");
        assertThat(aliases.toString()).contains("\"AliasName\":\"alias/orders\"")
                .contains("\"TargetKeyId\":\"1234abcd-12ab-34cd-56ef-1234567890ab\"")
                .contains("\"AliasName\":\"alias/aws/dynamodb\"");
    }
}

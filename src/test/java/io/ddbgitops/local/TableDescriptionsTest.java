package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TableDescriptionsTest {
    @Test
    void rewritesEngineArnsToTheRequestRegion() throws Exception {
        JsonNode table = Json.MAPPER.readTree("""
                {"Table":{"TableArn":"arn:aws:dynamodb:ddblocal:000000000000:table/t",
                 "GlobalSecondaryIndexes":[{"IndexArn":"arn:aws:dynamodb:ddblocal:000000000000:table/t/index/g"}]}}
                """);
        TableDescriptions.fix(table, "eu-west-1");
        assertThat(table.at("/Table/TableArn").asText()).isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/t");
        assertThat(table.at("/Table/GlobalSecondaryIndexes/0/IndexArn").asText())
                .isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/t/index/g");
    }

    @Test
    void turnsMillisecondDateTimesIntoSeconds() throws Exception {
        JsonNode table = Json.MAPPER.readTree("{\"Table\":{\"CreationDateTime\":1763754000123}}");
        TableDescriptions.fix(table, "us-east-1");
        assertThat(table.at("/Table/CreationDateTime").decimalValue()).isEqualByComparingTo("1763754000.123");
    }

    @Test
    void keepsDateTimesAlreadyInSeconds() throws Exception {
        JsonNode table = Json.MAPPER.readTree("{\"Table\":{\"CreationDateTime\":1763754000.5}}");
        TableDescriptions.fix(table, "us-east-1");
        assertThat(table.at("/Table/CreationDateTime").asDouble()).isEqualTo(1763754000.5);
    }

    @Test
    void parsesBothArnFormsToTheSameTable() {
        assertThat(TableArns.parse("arn:aws:dynamodb:ddblocal:000000000000:table/orders", "us-west-2"))
                .contains(new TableKey("us-west-2", "orders"));
        assertThat(TableArns.parse("arn:aws:dynamodb:us-west-2:000000000000:table/orders", "us-east-1"))
                .contains(new TableKey("us-west-2", "orders"));
        assertThat(TableArns.parse("arn:aws:s3:::bucket", "us-east-1")).isEmpty();
    }
}

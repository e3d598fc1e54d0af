package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the front takes out of requests DynamoDB Local would drop or refuse, and how it describes it. */
class WarmThroughputsTest {
    private static ObjectNode json(String text) {
        return Json.parseRequest(text.replace('\'', '"').getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static final String ON_DEMAND = "{'TableName':'t','BillingModeSummary':{'BillingMode':'PAY_PER_REQUEST'},"
            + "'GlobalSecondaryIndexes':[{'IndexName':'byA','IndexStatus':'ACTIVE'}]}";

    @Test
    void createTableKeepsWarmThroughputCapsAndAMultiAttributeKeyAndForwardsWhatDynamoDbLocalTakes() {
        ObjectNode request = json("{'TableName':'t','WarmThroughput':{'ReadUnitsPerSecond':13000},"
                + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'},{'AttributeName':'a',"
                + "'AttributeType':'S'},{'AttributeName':'b','AttributeType':'N'}],"
                + "'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}],"
                + "'GlobalSecondaryIndexes':[{'IndexName':'byA','KeySchema':[{'AttributeName':'a','KeyType':'HASH'},"
                + "{'AttributeName':'b','KeyType':'HASH'}],'OnDemandThroughput':{'MaxReadRequestUnits':5},"
                + "'WarmThroughput':{'WriteUnitsPerSecond':6000}}]}");

        Map<String, WarmThroughputs.Kept> kept = WarmThroughputs.fromCreateTable(request);

        assertThat(request.has("WarmThroughput")).isFalse();
        assertThat(request.toString()).doesNotContain("OnDemandThroughput").doesNotContain("\"b\"");
        assertThat(kept.get("").warmRead()).isEqualTo(13_000);
        assertThat(kept.get("byA").maxRead()).isEqualTo(5);
        assertThat(kept.get("byA").maxWrite()).isEqualTo(TableFeatures.UNCAPPED);
        assertThat(kept.get("byA").keySchema()).hasSize(2);
        assertThat(kept.get("byA").definitions()).containsExactly(new KeySchemaEmulation.Element("b", "N"));
    }

    @Test
    void describesAwsDefaultsUntilRaisedAndRefusesADecrease() {
        ObjectNode description = json(ON_DEMAND);
        WarmThroughputs.describe(description, Map.of());
        assertThat(description.at("/WarmThroughput/ReadUnitsPerSecond").asLong()).isEqualTo(12_000);
        assertThat(description.at("/GlobalSecondaryIndexes/0/WarmThroughput/WriteUnitsPerSecond").asLong())
                .isEqualTo(4_000);

        ObjectNode raise = json("{'TableName':'t','WarmThroughput':{'ReadUnitsPerSecond':20000}}");
        Map<String, WarmThroughputs.Kept> raised = WarmThroughputs.fromUpdateTable(raise, Map.of(),
                () -> json(ON_DEMAND));
        assertThat(raise.has("WarmThroughput")).isFalse();
        assertThat(raised.get("").warmRead()).isEqualTo(20_000);

        ObjectNode lower = json("{'TableName':'t','WarmThroughput':{'ReadUnitsPerSecond':15000}}");
        assertThatThrownBy(() -> WarmThroughputs.fromUpdateTable(lower, raised, () -> json(ON_DEMAND)))
                .isInstanceOf(AwsException.class).hasMessage("decreasing WarmThroughput is not supported");
    }

    @Test
    void anIndexUpdateWithOnlyTheFrontsSettingsIsNotForwarded() {
        ObjectNode update = json("{'TableName':'t','GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byA',"
                + "'OnDemandThroughput':{'MaxReadRequestUnits':-1}}}]}");

        Map<String, WarmThroughputs.Kept> next = WarmThroughputs.fromUpdateTable(update,
                Map.of("byA", WarmThroughputs.Kept.NONE.withCaps(json("{'MaxReadRequestUnits':5}"))),
                () -> json(ON_DEMAND));

        assertThat(update.has("GlobalSecondaryIndexUpdates")).isFalse();
        assertThat(next.get("byA").maxRead()).isEqualTo(TableFeatures.UNCAPPED);
    }
}

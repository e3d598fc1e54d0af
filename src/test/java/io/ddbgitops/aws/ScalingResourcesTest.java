package io.ddbgitops.aws;

import io.ddbgitops.plan.autoscaling.ScaledDimension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Application Auto Scaling's names for DynamoDB capacity, both ways. */
class ScalingResourcesTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "table/Orders, dynamodb:table:ReadCapacityUnits, '', READ, DynamoDBReadCapacityUtilization",
            "table/Orders, dynamodb:table:WriteCapacityUnits, '', WRITE, DynamoDBWriteCapacityUtilization",
            "table/Orders/index/byStatus, dynamodb:index:ReadCapacityUnits, byStatus, READ, DynamoDBReadCapacityUtilization",
            "table/Orders/index/by.Date-2, dynamodb:index:WriteCapacityUnits, by.Date-2, WRITE, DynamoDBWriteCapacityUtilization"})
    void namesEachDimensionAsTheApiDoes(String resource, String scalable, String index, ScaledDimension.Capacity capacity,
                                        String metric) {
        ScaledDimension dimension = new ScaledDimension(index.isEmpty() ? Optional.empty() : Optional.of(index), capacity);

        assertThat(ScalingResources.resourceId("Orders", dimension)).isEqualTo(resource);
        assertThat(ScalingResources.scalableDimension(dimension)).isEqualTo(scalable);
        assertThat(ScalingResources.metric(dimension)).isEqualTo(metric);
        assertThat(ScalingResources.dimension("Orders", resource, scalable)).contains(dimension);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "table/OrdersArchive, dynamodb:table:ReadCapacityUnits",
            "table/Orders, dynamodb:index:ReadCapacityUnits",
            "table/Orders/index/byStatus, dynamodb:table:ReadCapacityUnits",
            "table/Orders, dynamodb:table:Replicas"})
    void ignoresTargetsOfOtherTablesAndMismatchedDimensions(String resource, String scalable) {
        assertThat(ScalingResources.dimension("Orders", resource, scalable)).isEmpty();
    }
}

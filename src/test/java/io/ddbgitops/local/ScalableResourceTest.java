package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalableResourceTest {
    @Test
    void readsTableAndIndexDimensions() {
        assertThat(ScalableResource.parse("dynamodb", "table/orders", "dynamodb:table:ReadCapacityUnits"))
                .isEqualTo(new ScalableResource("orders", Optional.empty(), true));
        assertThat(ScalableResource.parse("dynamodb", "table/orders/index/by-day", "dynamodb:index:WriteCapacityUnits"))
                .isEqualTo(new ScalableResource("orders", Optional.of("by-day"), false));
        assertThat(ScalableResource.parse("dynamodb", "table/orders", "dynamodb:table:WriteCapacityUnits")
                .capacityField()).isEqualTo("WriteCapacityUnits");
    }

    @ParameterizedTest
    @CsvSource({
        "dynamodb, table/orders, dynamodb:index:ReadCapacityUnits",
        "dynamodb, table/orders/index/by-day, dynamodb:table:ReadCapacityUnits",
        "dynamodb, orders, dynamodb:table:ReadCapacityUnits",
        "ecs, service/default/web, ecs:service:DesiredCount",
        "cassandra, table/orders, dynamodb:table:ReadCapacityUnits"})
    void refusesCombinationsItDoesNotScaleWithAwsMessage(String namespace, String resourceId, String dimension) {
        assertThatThrownBy(() -> ScalableResource.parse(namespace, resourceId, dimension))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationException"))
                .hasMessage("Unsupported service namespace, resource type or scalable dimension");
    }

    @Test
    void refusesValuesOutsideTheModelsEnumsAsRequestValidationDoes() {
        assertThatThrownBy(() -> ScalableResource.parse("dynamo", "table/orders", "dynamodb:table:ReadCapacityUnits"))
                .hasMessageStartingWith("1 validation error detected: Value 'dynamo' at 'serviceNamespace' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [ecs, ");
        assertThatThrownBy(() -> ScalableResource.parse("dynamodb", "table/orders", "dynamodb:table:Reads"))
                .hasMessageContaining("at 'scalableDimension'");
    }
}

package io.ddbgitops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
    @Test
    void readsBackTheJsonItWrites() {
        FaultPlan plan = FaultPlan.of(7, FaultRule.always(Fault.THROTTLE).withProbability(0.25)
                        .onlyFor("CreateTable", "UpdateTable"),
                FaultRule.always(Fault.LATENCY, Duration.ofMillis(1500)).times(20));

        assertThat(FaultPlan.fromJson(plan.toJson())).isEqualTo(plan);
    }

    @Test
    void namesTheWrongField() {
        assertThatThrownBy(() -> FaultPlan.fromJson(json("{\"rules\":[{\"fault\":\"explode\"}]}")))
                .hasMessageContaining("rules[0].fault must be one of throttle");
        assertThatThrownBy(() -> FaultPlan.fromJson(json("{\"rules\":[{\"fault\":\"latency\"}]}")))
                .hasMessageContaining("rules[0]: Fault latency needs a delay above 0 ms");
        assertThatThrownBy(() -> FaultPlan.fromJson(json("{\"rules\":[{\"fault\":\"throttle\",\"probability\":\"x\"}]}")))
                .hasMessageContaining("rules[0].probability must be a number");
        assertThatThrownBy(() -> FaultPlan.fromJson(json("{\"seed\":\"abc\"}"))).hasMessageContaining("'seed'");
        assertThatThrownBy(() -> FaultPlan.fromJson(json("[]"))).hasMessageContaining("JSON object");
    }

    @Test
    void firstRuleThatFiresWinsAndCountsStopARule() {
        FaultInjector faults = new FaultInjector();
        faults.set(FaultPlan.of(1, FaultRule.always(Fault.INTERNAL_ERROR).onlyFor("PutItem").times(2),
                FaultRule.always(Fault.THROTTLE)));

        List<Optional<Fault>> chosen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            chosen.add(faults.choose("PutItem").map(FaultRule::fault));
        }
        chosen.add(faults.choose("GetItem").map(FaultRule::fault));

        assertThat(chosen).containsExactly(Optional.of(Fault.INTERNAL_ERROR), Optional.of(Fault.INTERNAL_ERROR),
                Optional.of(Fault.THROTTLE), Optional.of(Fault.THROTTLE));
        assertThat(faults.requests()).isEqualTo(4);
    }

    @Test
    void theSameSeedHitsTheSameRequests() {
        FaultPlan plan = FaultPlan.of(99, FaultRule.always(Fault.THROTTLE).withProbability(0.1));
        assertThat(hits(plan)).isEqualTo(hits(plan));
        assertThat(hits(plan).size()).isBetween(50, 150);
    }

    @Test
    void refusesProbabilitiesOutsideZeroToOne() {
        assertThatThrownBy(() -> new FaultRule(Fault.THROTTLE, 1.01, Set.of(), Duration.ZERO, 0))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new FaultRule(Fault.THROTTLE, Double.NaN, Set.of(), Duration.ZERO, 0))
                .hasMessageContaining("between 0 and 1");
    }

    private static List<Integer> hits(FaultPlan plan) {
        FaultInjector faults = new FaultInjector();
        faults.set(plan);
        List<Integer> hit = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            if (faults.choose("PutItem").isPresent()) {
                hit.add(i);
            }
        }
        return hit;
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}

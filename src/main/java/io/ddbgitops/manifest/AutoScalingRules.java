package io.ddbgitops.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code autoscaling} rules the schema cannot express: only a PROVISIONED table (and its indexes) can be auto
 * scaled, a dimension's min must not exceed its max, and both are 32-bit integers. AWS refuses all three:
 * on-demand capacity is not a scalable target, and RegisterScalableTarget rejects min > max and takes integers
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html, checked
 * 2026-12-01).
 */
final class AutoScalingRules {
    private static final String GSI = SemanticRules.OPTIONAL + "/global_secondary_indexes";

    private final Checks checks;

    AutoScalingRules(Checks checks) {
        this.checks = checks;
    }

    void check(JsonNode optional) {
        boolean onDemand = "PAY_PER_REQUEST".equals(optional.path("billing_mode").textValue());
        scaling(optional.path("autoscaling"), SemanticRules.OPTIONAL + "/autoscaling", onDemand);
        JsonNode globals = optional.path("global_secondary_indexes");
        for (int i = 0; i < globals.size(); i++) {
            scaling(globals.path(i).path("autoscaling"), Pointers.child(GSI, i) + "/autoscaling", onDemand);
        }
    }

    private void scaling(JsonNode scaling, String pointer, boolean onDemand) {
        if (!Checks.present(scaling)) {
            return;
        }
        if (onDemand) {
            checks.add(pointer, "only allowed when billing_mode is PROVISIONED (on-demand capacity scales by itself)");
        }
        for (String dimension : new String[] {"read", "write"}) {
            JsonNode min = scaling.path(dimension).path("min");
            JsonNode max = scaling.path(dimension).path("max");
            if (capacity(min) > 0 && capacity(max) > 0 && capacity(min) > capacity(max)) {
                checks.add(pointer + "/" + dimension + "/min", capacity(min) + " is more than max ("
                        + capacity(max) + "); min must not exceed max");
            }
            for (String bound : new String[] {"min", "max"}) {
                long value = capacity(scaling.path(dimension).path(bound));
                if (value > Integer.MAX_VALUE) {
                    checks.add(pointer + "/" + dimension + "/" + bound, value + " is more than " + Integer.MAX_VALUE
                            + ", the largest capacity Application Auto Scaling accepts");
                }
            }
        }
    }

    /** The capacity as the mapper reads it (numbers or strings of digits); 0 when the schema rejected it. */
    private static long capacity(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        return Checks.text(node).filter(t -> t.matches("[1-9][0-9]{0,17}")).map(Long::parseLong).orElse(0L);
    }
}

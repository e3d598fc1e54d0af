package io.ddbgitops.config;

/**
 * AWS's adjustable quotas as this repository's accounts have them. Only the throughput-decrease budget is one
 * the planner needs: AWS allows 27 provisioned-throughput decreases per table per UTC day by default
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html, checked 2026-12-01).
 */
public record Quotas(int throughputDecreasesPerDay) {
    /** The one source of this number is the rules table. */
    public static final int AWS_DEFAULT_THROUGHPUT_DECREASES_PER_DAY = io.ddbgitops.plan.RateRules.DEFAULT_DECREASES_PER_DAY;

    public Quotas {
        if (throughputDecreasesPerDay < 1) {
            throw new IllegalArgumentException("throughputDecreasesPerDay must be at least 1");
        }
    }

    public static Quotas awsDefaults() {
        return new Quotas(AWS_DEFAULT_THROUGHPUT_DECREASES_PER_DAY);
    }
}

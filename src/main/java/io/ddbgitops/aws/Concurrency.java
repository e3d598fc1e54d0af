package io.ddbgitops.aws;

/**
 * How many tables one run works on at once ({@code --parallelism}). Each table is one task, so a table's own reads
 * and updates stay in order; tables run side by side. The default is measured (README "Parallelism"): a plan of 200
 * in-sync tables against the local endpoint stops getting faster beyond it on this project's reference machine,
 * while AWS's control-plane rate (2,500 requests per second per account and region,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-control-plane.html, checked 2026-12-01) is far
 * away even at the maximum.
 */
public final class Concurrency {
    public static final int MIN_PARALLELISM = 1;
    /** The most tables at once: well below the 250 concurrent creates with indexes that DynamoDB allows. */
    public static final int MAX_PARALLELISM = 64;
    public static final int DEFAULT_PARALLELISM = 8;

    private Concurrency() {}

    /** The value, or a clear error naming the option and the range. */
    public static int check(int parallelism) {
        if (parallelism < MIN_PARALLELISM || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("--parallelism must be between " + MIN_PARALLELISM + " and "
                    + MAX_PARALLELISM + ", not " + parallelism);
        }
        return parallelism;
    }
}

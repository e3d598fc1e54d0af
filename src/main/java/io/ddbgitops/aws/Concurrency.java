package io.ddbgitops.aws;

/**
 * How many tables one run works on at once ({@code --parallelism}). Each table is one task, so a table's own reads
 * and updates stay in order; tables run side by side. The default, 16, is measured ({@code bench/parallelism.sh},
 * README "Parallelism"): a no-change plan of 200 tables was fastest at 16 against the loopback endpoint, and 5.3 x
 * faster than one at a time with 10 ms per answer, where 32 gained a little more. 16 calls in flight at 10 ms or more
 * each are at most 1,600 requests per second, below DynamoDB's control-plane throttle of 2,500 per second per account
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-control-plane.html, checked 2026-12-01);
 * 32 could cross it, leaving the SDK's adaptive mode to slow every call down.
 */
public final class Concurrency {
    public static final int MIN_PARALLELISM = 1;
    /** The most tables at once: well below the 250 concurrent creates with indexes that DynamoDB allows. */
    public static final int MAX_PARALLELISM = 64;
    public static final int DEFAULT_PARALLELISM = 16;

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

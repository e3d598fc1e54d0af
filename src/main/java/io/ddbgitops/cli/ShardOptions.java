package io.ddbgitops.cli;

import io.ddbgitops.plan.Shard;
import picocli.CommandLine.Option;

import java.util.Map;

/** Which shard of the tables this run takes: {@code --shard I/N}, or {@code --shards N} in a Kubernetes Indexed Job. */
final class ShardOptions {
    /** Set by Kubernetes in every pod of an Indexed Job: 0 to completions - 1. */
    static final String JOB_COMPLETION_INDEX = "JOB_COMPLETION_INDEX";

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run shard I of N (0 <= I < N): only the tables whose account, region and name hash to it, "
                    + "under its own lease; the report is recomposed from every shard's file. See README, Sharding.")
    String shard;

    @Option(names = "--shards", paramLabel = "N",
            description = "As --shard, with I from the environment variable " + JOB_COMPLETION_INDEX
                    + " (Kubernetes Indexed Jobs).")
    Integer shards;

    /** The shard to run ({@link Shard#ALL} without either option); checked before anything starts. */
    Shard shard(Map<String, String> env) {
        if (shard != null && shards != null) {
            throw new IllegalArgumentException("--shard and --shards exclude each other: --shard I/N names the shard, "
                    + "--shards N takes I from " + JOB_COMPLETION_INDEX);
        }
        try {
            if (shard != null) {
                return Shard.parse(shard);
            }
            if (shards == null) {
                return Shard.ALL;
            }
            String index = env.get(JOB_COMPLETION_INDEX);
            if (index == null || !index.strip().matches("\\d{1,6}")) {
                throw new IllegalArgumentException(JOB_COMPLETION_INDEX + " is " + (index == null ? "not set"
                        : "'" + index + "', not a shard index") + "; Kubernetes sets it in Indexed Jobs "
                        + "(completionMode: Indexed); elsewhere use --shard I/N");
            }
            return new Shard(Integer.parseInt(index.strip()), shards);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((shard != null ? "--shard " : "--shards ") + e.getMessage());
        }
    }
}

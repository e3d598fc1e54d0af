package io.ddbgitops.cli;

import io.ddbgitops.plan.Shard;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardOptionsTest {
    private static ShardOptions options(String shard, Integer shards) {
        ShardOptions options = new ShardOptions();
        options.shard = shard;
        options.shards = shards;
        return options;
    }

    @Test
    void withoutEitherOptionARunHasEveryTable() {
        assertThat(options(null, null).shard(Map.of("JOB_COMPLETION_INDEX", "2"))).isEqualTo(Shard.ALL);
    }

    @Test
    void shardNamesIOfN() {
        assertThat(options("1/3", null).shard(Map.of())).isEqualTo(new Shard(1, 3));
        assertThatThrownBy(() -> options("3/3", null).shard(Map.of())).hasMessageStartingWith("--shard shard 3/3 does not exist");
    }

    @Test
    void shardsTakesTheIndexKubernetesSets() {
        assertThat(options(null, 4).shard(Map.of("JOB_COMPLETION_INDEX", "3"))).isEqualTo(new Shard(3, 4));
        assertThatThrownBy(() -> options(null, 4).shard(Map.of()))
                .hasMessage("--shards JOB_COMPLETION_INDEX is not set; Kubernetes sets it in Indexed Jobs "
                        + "(completionMode: Indexed); elsewhere use --shard I/N");
        assertThatThrownBy(() -> options(null, 4).shard(Map.of("JOB_COMPLETION_INDEX", "x")))
                .hasMessageContaining("JOB_COMPLETION_INDEX is 'x', not a shard index");
        assertThatThrownBy(() -> options(null, 4).shard(Map.of("JOB_COMPLETION_INDEX", "4")))
                .hasMessageContaining("shard 4/4 does not exist");
    }

    @Test
    void theTwoOptionsExcludeEachOther() {
        assertThatThrownBy(() -> options("0/2", 2).shard(Map.of())).hasMessageStartingWith("--shard and --shards exclude each other");
    }
}

package io.ddbgitops.lease;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeaseKeysTest {
    private static final String BASE = "https://git.example.com/platform/config#main";

    @Test
    void anUnshardedRunsLeaseIsLockAndAShardsIsLockIOfN() {
        assertThat(new LeaseKeys(BASE, 0, 1).own()).isEqualTo(BASE + "#lock");
        assertThat(new LeaseKeys(BASE, 2, 3).own()).isEqualTo(BASE + "#lock-2-of-3");
        assertThat(new LeaseKeys(BASE, 2, 3).gate()).isEqualTo(BASE + "#fleet");
    }

    @Test
    void aShardExcludesEveryOtherCountButNotItsSiblings() {
        LeaseKeys shard = new LeaseKeys(BASE, 0, 3);
        assertThat(shard.excludes(BASE + "#lock")).isTrue();
        assertThat(shard.excludes(BASE + "#lock-0-of-2")).isTrue();
        assertThat(shard.excludes(BASE + "#lock-5-of-6")).isTrue();
        assertThat(shard.excludes(BASE + "#lock-1-of-3")).isFalse();
        assertThat(shard.excludes(BASE + "#lock-0-of-3")).as("its own key: the lock client decides").isFalse();
    }

    @Test
    void anUnshardedRunExcludesEveryShard() {
        LeaseKeys whole = new LeaseKeys(BASE, 0, 1);
        assertThat(whole.excludes(BASE + "#lock-0-of-3")).isTrue();
        assertThat(whole.excludes(BASE + "#lock-1-of-2")).isTrue();
        assertThat(whole.excludes(BASE + "#lock")).isFalse();
    }

    @Test
    void otherBranchesAndTheGateAreNotRunLeases() {
        LeaseKeys shard = new LeaseKeys(BASE, 0, 3);
        // a branch whose name starts like this one's leases: "main#lock-x" has the key BASE#lock-x#lock
        assertThat(shard.countOf(BASE + "#lock-x#lock")).isEmpty();
        assertThat(shard.countOf(BASE + "#lock-0-of-2#lock")).isEmpty();
        assertThat(shard.countOf(BASE + "#fleet")).isEmpty();
        assertThat(shard.countOf("https://git.example.com/platform/config#dev#lock")).isEmpty();
        assertThat(shard.countOf(BASE + "#lock-1-of-4")).contains(4);
    }

    @Test
    void aShardThatCannotExistIsRefused() {
        assertThatThrownBy(() -> new LeaseKeys(BASE, 3, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}

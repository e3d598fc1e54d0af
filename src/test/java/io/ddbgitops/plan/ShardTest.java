package io.ddbgitops.plan;

import io.ddbgitops.manifest.TableId;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardTest {

    @Test
    void theHashIsTheDocumentedOneAndSoStableAcrossMachinesAndVersions() {
        // Pinned values, computed outside Java: python3 -c "import hashlib; k='us-east-1\nOrders';
        // print(int.from_bytes(hashlib.sha256(k.encode()).digest()[:8], 'big') % 3)"
        assertThat(Shard.of(new TableId("us-east-1", "Orders"), 3)).isZero();
        assertThat(Shard.of(new TableId("us-east-1", "Orders"), 7)).isEqualTo(1);
        assertThat(Shard.of(new TableId("us-east-1", "Orders"), 1000)).isEqualTo(828);
        assertThat(Shard.of(new TableId("eu-west-1", "Sessions"), 3)).isEqualTo(2);
        assertThat(Shard.of(new TableId("us-east-1", "Customers"), 7)).isEqualTo(3);
        // a named account is part of the key ("prod\nus-east-1\nOrders")
        assertThat(Shard.of(new TableId("prod", "us-east-1", "Orders"), 7)).isEqualTo(4);
    }

    @Test
    void everyTableBelongsToExactlyOneShardAndTheShardsAreEvenlyFilled() {
        int n = 3;
        Map<Integer, Integer> perShard = new HashMap<>();
        IntStream.range(0, 3000).mapToObj(i -> new TableId(i % 2 == 0 ? "us-east-1" : "eu-west-1", "Table" + i))
                .forEach(id -> {
                    long owners = IntStream.range(0, n).filter(i -> new Shard(i, n).owns(id)).count();
                    assertThat(owners).as(id.toString()).isEqualTo(1);
                    perShard.merge(Shard.of(id, n), 1, Integer::sum);
                });
        // 1,000 expected each; a binomial spread of a few dozen, never hundreds
        assertThat(perShard.values()).hasSize(3).allSatisfy(c -> assertThat(c).isBetween(850, 1150));
    }

    @Test
    void oneShardOfOneIsEveryTable() {
        assertThat(Shard.ALL.isAll()).isTrue();
        assertThat(Shard.ALL.owns(new TableId("us-east-1", "Anything"))).isTrue();
        assertThat(Shard.parse("0/1")).isEqualTo(Shard.ALL);
    }

    @Test
    void readsIOfNAndItsFileName() {
        assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
        assertThat(Shard.parse("2/3").name()).isEqualTo("2-of-3");
        assertThat(Shard.ofFileName("2-of-3.json")).contains(new Shard(2, 3));
        assertThat(Shard.ofFileName("3-of-3.json")).isEmpty();
        assertThat(Shard.ofFileName("notes.md")).isEmpty();
    }

    @Test
    void refusesShardsThatDoNotExist() {
        assertThatThrownBy(() -> Shard.parse("3/3")).hasMessageContaining("shard 3/3 does not exist")
                .hasMessageContaining("numbered from 0");
        assertThatThrownBy(() -> Shard.parse("0/0")).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Shard.parse("1-3")).hasMessage("'1-3' is not I/N (e.g. 0/3)");
        assertThatThrownBy(() -> Shard.parse("-1/3")).hasMessageContaining("is not I/N");
    }
}

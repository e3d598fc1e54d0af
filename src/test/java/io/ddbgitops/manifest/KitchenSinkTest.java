package io.ddbgitops.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** manifests/kitchen-sink holds every field MANIFEST.md defines; it must load cleanly into these values. */
class KitchenSinkTest {
    private static LoadResult result;

    @BeforeAll
    static void load() {
        result = new ManifestLoader().load(Fixtures.scenario("kitchen-sink"));
    }

    @Test
    void loadsEveryFieldWithoutErrors() {
        assertThat(result.errors()).isEmpty();
        assertThat(result.manifests()).extracting(TableManifest::id)
                .containsExactly("store/catalog", "store/inventory");
    }

    @Test
    void mapsEveryOnDemandExtension() {
        TableManifest catalog = result.manifests().get(0);
        KeyAttribute version = new KeyAttribute("version", AttributeType.N);

        assertThat(catalog).isEqualTo(new TableManifest(
                new SourceLocation("catalog.yaml", 2, 1), "store", "catalog", "eu-west-1", "Catalog.v2",
                new KeyAttribute("sku", AttributeType.S), Optional.of(version), Optional.of(true), 0, 0,
                new TableOptions(
                        BillingMode.PAY_PER_REQUEST, Optional.of(500L), Optional.of(200L), Optional.of(14),
                        new BackupSpec(Optional.of("0 0 3 * * ?"), Optional.of(7), false),
                        Optional.of(StreamViewType.NEW_AND_OLD_IMAGES), Optional.of("expiresAt"), Optional.of(true),
                        Optional.of(TableClass.STANDARD_INFREQUENT_ACCESS),
                        Optional.of(new SseSpec(SseSpec.Type.KMS, Optional.of("alias/catalog"))), Optional.of(true),
                        Map.of("team", "store", "cost-center", "4711"),
                        Optional.of(List.of(
                                new GlobalSecondaryIndex("byCategory", new KeyAttribute("category", AttributeType.S),
                                        Optional.of(new KeyAttribute("price", AttributeType.N)),
                                        new Projection(Projection.Type.INCLUDE, List.of("title", "thumbnail")),
                                        Optional.empty(), Optional.empty()),
                                new GlobalSecondaryIndex("byBarcode", new KeyAttribute("barcode", AttributeType.B),
                                        Optional.empty(), new Projection(Projection.Type.KEYS_ONLY, List.of()),
                                        Optional.empty(), Optional.empty()))),
                        Optional.of(List.of(new LocalSecondaryIndex("byUpdatedAt",
                                new KeyAttribute("updatedAt", AttributeType.S), Projection.all()))),
                        Optional.of(List.of(ReplicaSpec.of("us-east-1"), ReplicaSpec.of("ap-southeast-2"))),
                        Optional.of(new RestoreSpec.FromPointInTime("Catalog",
                                Optional.of(Instant.parse("2026-01-31T12:00:00Z")))),
                        true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty())));
    }

    @Test
    void mapsProvisionedIndexCapacitiesAndQuotedSeedValues() {
        TableManifest inventory = result.manifests().get(1);

        assertThat(inventory.pitr()).contains(false);
        assertThat(inventory.readCapacity()).isEqualTo(15);
        assertThat(inventory.writeCapacity()).isEqualTo(25);
        assertThat(inventory.options().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(inventory.options().sse()).contains(new SseSpec(SseSpec.Type.AES256, Optional.empty()));
        assertThat(inventory.options().backup()).isEqualTo(BackupSpec.defaults());
        assertThat(inventory.options().restore()).contains(new RestoreSpec.FromBackup(
                "arn:aws:dynamodb:us-west-2:123456789012:table/Inventory/backup/01700000000000-abcdef12"));
        assertThat(inventory.options().globalSecondaryIndexes()).hasValueSatisfying(indexes ->
                assertThat(indexes).singleElement().satisfies(index -> {
                    assertThat(index.readCapacity()).contains(5L);
                    assertThat(index.writeCapacity()).contains(6L);
                }));
    }
}

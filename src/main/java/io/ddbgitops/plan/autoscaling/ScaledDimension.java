package io.ddbgitops.plan.autoscaling;

import io.ddbgitops.plan.Fields;
import io.ddbgitops.plan.ObservedTable;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * One capacity Application Auto Scaling can own: the read or write capacity of the table, or of one of its
 * global indexes. Its report fields are {@code autoscaling.read.*} and {@code autoscaling.gsi.NAME.write.*}, outside
 * the {@code gsi.} prefix so that the index diff never mistakes them for index definitions.
 */
public record ScaledDimension(Optional<String> index, Capacity capacity) implements Comparable<ScaledDimension> {
    /** Marks the policies this tool puts, so they are recognised even without the previous report. */
    public static final String POLICY_PREFIX = "ddb-gitops-";

    private static final Comparator<ScaledDimension> ORDER = Comparator
            .comparing((ScaledDimension d) -> d.index.orElse(""))
            .thenComparing(ScaledDimension::capacity);

    public enum Capacity {
        READ, WRITE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static ScaledDimension table(Capacity capacity) {
        return new ScaledDimension(Optional.empty(), capacity);
    }

    public static ScaledDimension index(String name, Capacity capacity) {
        return new ScaledDimension(Optional.of(name), capacity);
    }

    /** Prefix of this dimension's report fields. */
    public String field() {
        return "autoscaling." + index.map(i -> "gsi." + i + ".").orElse("") + capacity.label();
    }

    /** The {@link Fields} name of the capacity the scaler owns. */
    public String capacityField() {
        String suffix = capacity == Capacity.READ ? Fields.READ_SUFFIX : Fields.WRITE_SUFFIX;
        return index.map(i -> Fields.GSI + i + suffix)
                .orElse(capacity == Capacity.READ ? Fields.READ_CAPACITY : Fields.WRITE_CAPACITY);
    }

    /** The name of the target-tracking policy this tool puts on this dimension. */
    public String policyName() {
        return POLICY_PREFIX + capacity.label();
    }

    public String describe() {
        return capacity.label() + " capacity" + index.map(i -> " of index " + i).orElse("");
    }

    /** The capacity DescribeTable reports for this dimension; empty when the index does not exist (yet). */
    public Optional<Long> liveCapacity(ObservedTable table) {
        if (index.isEmpty()) {
            return Optional.of(capacity == Capacity.READ ? table.readCapacity() : table.writeCapacity());
        }
        return table.globalIndexes().stream().filter(g -> g.name().equals(index.get())).findFirst()
                .map(g -> capacity == Capacity.READ ? g.readCapacity() : g.writeCapacity());
    }

    @Override
    public int compareTo(ScaledDimension other) {
        return ORDER.compare(this, other);
    }
}

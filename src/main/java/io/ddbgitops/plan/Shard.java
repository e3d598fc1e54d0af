package io.ddbgitops.plan;

import io.ddbgitops.manifest.TableId;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} ({@code --shard I/N}, or {@code --shards N} with Kubernetes' {@code
 * JOB_COMPLETION_INDEX}). A table belongs to exactly one shard, chosen by a stable hash of its key, so every shard of
 * every run, on any machine and JVM, agrees without talking to the others: the first 8 bytes of the SHA-256 of the
 * UTF-8 key, read as an unsigned big-endian number, modulo {@code count}. The key is {@code region + "\n" + table};
 * a table in a named account ({@code optional_spec.account}) is {@code account + "\n" + region + "\n" + table}, so
 * the default account's tables kept their shard when accounts arrived. One shard of one ({@link #ALL}) is an unsharded
 * run.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);
    private static final Pattern SPEC = Pattern.compile("(\\d{1,6})/(\\d{1,6})");
    private static final Pattern FILE = Pattern.compile("(\\d{1,6})-of-(\\d{1,6})\\.json");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist: I/N needs N >= 1 and "
                    + "0 <= I < N (shards are numbered from 0, as Kubernetes' JOB_COMPLETION_INDEX)");
        }
    }

    /** {@code "I/N"}, e.g. {@code 0/3}. */
    public static Shard parse(String spec) {
        Matcher m = SPEC.matcher(spec.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + spec + "' is not I/N (e.g. 0/3)");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The shard a report file name {@code I-of-N.json} stands for; empty for any other name. */
    public static Optional<Shard> ofFileName(String name) {
        Matcher m = FILE.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (IllegalArgumentException impossible) {
            return Optional.empty();
        }
    }

    public boolean isAll() {
        return count == 1;
    }

    /** {@code I-of-N}: the shard's report file name (with {@code .json}) and its lease's suffix. */
    public String name() {
        return index + "-of-" + count;
    }

    /** Whether this shard plans and applies the table {@code id}. */
    public boolean owns(TableId id) {
        return isAll() || of(id, count) == index;
    }

    /** The shard of {@code count} that owns {@code id}; a table in the default account is keyed without it. */
    public static int of(TableId id, int count) {
        String key = (id.inDefaultAccount() ? "" : id.account() + "\n") + id.region() + "\n" + id.tableName();
        byte[] digest = sha256(key.getBytes(StandardCharsets.UTF_8));
        return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest, 0, Long.BYTES).getLong(), count);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

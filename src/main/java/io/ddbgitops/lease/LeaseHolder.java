package io.ddbgitops.lease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Who holds a lease: the host, the run's id and when it took the lease; stored as the lock item's data (JSON). */
public record LeaseHolder(String host, String runId, Instant since) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LeaseHolder {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(since, "since");
    }

    /** This process, a fresh run id, now. */
    public static LeaseHolder thisRun() {
        return thisRun(UUID.randomUUID().toString());
    }

    /** This process, the run's id, now. */
    public static LeaseHolder thisRun(String runId) {
        return new LeaseHolder(hostName(), runId, Instant.now());
    }

    /** The lock client's owner name: unique per run, readable in the table. */
    String ownerName() {
        return host + "/" + runId;
    }

    public byte[] toBytes() {
        return JSON.createObjectNode().put("host", host).put("run_id", runId).put("since", since.toString())
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The holder in a lock item's data; empty when the item was not written by ddb-gitops. */
    static Optional<LeaseHolder> parse(byte[] data) {
        try {
            JsonNode node = JSON.readTree(data);
            if (node == null || !node.path("host").isTextual() || !node.path("run_id").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new LeaseHolder(node.get("host").asText(), node.get("run_id").asText(),
                    Instant.parse(node.path("since").asText())));
        } catch (IOException | RuntimeException notOurs) {
            return Optional.empty();
        }
    }

    /** "held by HOST, run RUN-ID, since T" */
    public String describe() {
        return "held by " + host + ", run " + runId + ", since " + since;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
    }
}

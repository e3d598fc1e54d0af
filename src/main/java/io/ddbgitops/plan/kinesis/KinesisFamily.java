package io.ddbgitops.plan.kinesis;

import io.ddbgitops.manifest.KinesisDestinationSpec;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.plan.Change;
import io.ddbgitops.plan.Fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Kinesis streaming destination's one home: the manifest's stream, the live destinations, their diff and the
 * calls that close it. The report records the stream as {@value #FIELD}: only that destination is ever disabled
 * (when the manifest drops it or names another stream: the old one first, then the new one is enabled); a
 * destination someone else enabled is left alone. Enabling is long work: a destination still ENABLING (or
 * UPDATING) is in progress, and the next run looks again.
 */
public final class KinesisFamily {
    public static final String FIELD = "kinesis_streaming_destination";
    public static final String PRECISION = FIELD + ".precision";
    /** What AWS uses when EnableKinesisStreamingConfiguration leaves the precision out. */
    static final String DEFAULT_PRECISION = "MILLISECOND";

    private final Map<String, String> previouslyApplied;
    private final List<Change> changes = new ArrayList<>();
    private final List<KinesisStep> steps = new ArrayList<>();
    private final Map<String, String> applied = new TreeMap<>();
    private final Map<String, String> inProgress = new TreeMap<>();
    private final List<String> messages = new ArrayList<>();

    private KinesisFamily(Map<String, String> previouslyApplied) {
        this.previouslyApplied = previouslyApplied;
    }

    public static KinesisFamily forNewTable(TableManifest manifest, Map<String, String> previouslyApplied) {
        return forTable(manifest, LiveKinesis.none(), previouslyApplied);
    }

    public static KinesisFamily forTable(TableManifest manifest, LiveKinesis live,
                                         Map<String, String> previouslyApplied) {
        KinesisFamily family = new KinesisFamily(previouslyApplied);
        Optional<KinesisDestinationSpec> wanted = manifest.options().kinesisDestination();
        if (live instanceof LiveKinesis.Unreadable unreadable) {
            family.unreadable(unreadable.reason(), wanted.isPresent());
        } else {
            List<LiveKinesis.Destination> destinations = ((LiveKinesis.Destinations) live).all();
            if (wanted.isPresent()) {
                family.converge(wanted.get(), destinations);
            } else {
                family.absentFromManifest(destinations);
            }
        }
        return family;
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    public List<KinesisStep> steps() {
        return List.copyOf(steps);
    }

    public Map<String, String> applied() {
        return Map.copyOf(applied);
    }

    /** Fields still being worked on by DynamoDB, with their live status; reported in progress. */
    public Map<String, String> inProgress() {
        return Map.copyOf(inProgress);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    private void converge(KinesisDestinationSpec want, List<LiveKinesis.Destination> live) {
        applied.put(FIELD, want.streamArn());
        want.precision().ifPresent(p -> applied.put(PRECISION, p));
        Optional<LiveKinesis.Destination> current = live.stream()
                .filter(d -> d.streamArn().equals(want.streamArn()) && !d.status().equals("DISABLED")
                        && !d.status().equals("ENABLE_FAILED")).findFirst();
        if (current.isPresent()) {
            LiveKinesis.Destination d = current.get();
            if (!d.streaming()) { // DISABLING: it can be enabled again once DISABLED
                inProgress.put(FIELD, d.status());
                return;
            }
            if (!d.status().equals("ACTIVE")) {
                inProgress.put(FIELD, d.status());
                return;
            }
            String have = d.precision().orElse(DEFAULT_PRECISION);
            want.precision().filter(p -> !p.equals(have)).ifPresent(p -> {
                changes.add(new Change(PRECISION, have, p, "update", cause(PRECISION, p)));
                steps.add(new KinesisStep.UpdatePrecision(want.streamArn(), p));
            });
            others(live, want.streamArn());
            return;
        }
        Optional<LiveKinesis.Destination> previous = ours(live).filter(d -> !d.streamArn().equals(want.streamArn()));
        String from = previous.map(LiveKinesis.Destination::streamArn).orElse(Fields.ABSENT);
        changes.add(new Change(FIELD, from, want.streamArn(), previous.isPresent() ? "update" : "create",
                cause(FIELD, want.streamArn())));
        previous.ifPresent(d -> steps.add(new KinesisStep.Disable(d.streamArn())));
        steps.add(new KinesisStep.Enable(want.streamArn(), want.precision()));
        live.stream().filter(d -> d.streamArn().equals(want.streamArn()) && d.status().equals("ENABLE_FAILED"))
                .findFirst().ifPresent(d -> messages.add("enabling Kinesis stream " + d.streamArn()
                        + " failed before (ENABLE_FAILED); it is tried again"));
        others(live, previous.map(LiveKinesis.Destination::streamArn).orElse(want.streamArn()));
    }

    private void absentFromManifest(List<LiveKinesis.Destination> live) {
        Optional<LiveKinesis.Destination> ours = ours(live);
        ours.ifPresent(d -> {
            changes.add(new Change(FIELD, d.streamArn(), Fields.ABSENT, "delete", Change.Cause.GIT));
            steps.add(new KinesisStep.Disable(d.streamArn()));
        });
        others(live, ours.map(LiveKinesis.Destination::streamArn).orElse(""));
    }

    /** The streaming destination the last report says this tool enabled. */
    private Optional<LiveKinesis.Destination> ours(List<LiveKinesis.Destination> live) {
        Optional<String> recorded = Optional.ofNullable(previouslyApplied.get(FIELD));
        return live.stream().filter(LiveKinesis.Destination::streaming)
                .filter(d -> recorded.filter(d.streamArn()::equals).isPresent()).findFirst();
    }

    private void others(List<LiveKinesis.Destination> live, String handled) {
        live.stream().filter(LiveKinesis.Destination::streaming).filter(d -> !d.streamArn().equals(handled))
                .filter(d -> !d.streamArn().equals(applied.get(FIELD)))
                .forEach(d -> messages.add("the table also streams to Kinesis " + d.streamArn() + ", which "
                        + "ddb-gitops did not enable; it is left alone"));
    }

    private void unreadable(String reason, boolean declared) {
        previouslyApplied.forEach((field, value) -> {
            if (field.equals(FIELD) || field.equals(PRECISION)) {
                applied.put(field, value);
            }
        });
        if (declared || previouslyApplied.containsKey(FIELD)) {
            messages.add("the Kinesis streaming destination could not be read (" + reason + "); it was not checked "
                    + "or changed");
        }
    }

    private Change.Cause cause(String field, String want) {
        return want.equals(previouslyApplied.get(field)) ? Change.Cause.DRIFT : Change.Cause.GIT;
    }
}

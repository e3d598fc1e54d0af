package io.ddbgitops.cli;

import io.ddbgitops.local.Fault;
import io.ddbgitops.local.FaultPlan;
import io.ddbgitops.local.FaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Fault injection into the local endpoint: {@code --fault KIND} starts a rule, the options after it refine that
 * rule, and {@code --fault} may be repeated. The first rule that fires for a request wins.
 */
final class FaultOptions {
    @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "Fault injection (local endpoint only):%n")
    List<Rule> rules = new ArrayList<>();

    @Option(names = "--fault-seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the random choice of requests that get a fault (default: ${DEFAULT-VALUE}).")
    long seed;

    static final class Rule {
        @Option(names = "--fault", required = true, paramLabel = "KIND",
                description = "Inject a fault: throttle, internal-error, limit-exceeded, latency, drop-connection,"
                        + " slow-accept. Repeat for more rules.")
        String kind;

        @Option(names = "--fault-rate", paramLabel = "P",
                description = "Share of requests that get it, 0 to 1 (default: 1, every request).")
        double rate = 1.0;

        @Option(names = "--fault-ops", paramLabel = "OPS", split = ",",
                description = "Only these operations, e.g. CreateTable,UpdateTable (default: all).")
        List<String> operations = new ArrayList<>();

        @Option(names = "--fault-delay-ms", paramLabel = "MS",
                description = "Delay for latency and slow-accept, in milliseconds.")
        long delayMillis;

        @Option(names = "--fault-count", paramLabel = "N",
                description = "Stop after this many injections (default: no limit).")
        long count;
    }

    boolean any() {
        return !rules.isEmpty();
    }

    /**
     * The plan the options describe (a {@link FaultPlan}); a bad value is an {@link IllegalArgumentException} naming
     * the option. Typed Object so that picocli's reflection on this mixin works in the slim jar (see LocalEngine).
     */
    Object plan() {
        List<FaultRule> built = new ArrayList<>();
        for (Rule rule : rules) {
            Fault fault = Fault.fromWireName(rule.kind).orElseThrow(() -> new IllegalArgumentException(
                    "--fault must be one of " + Fault.wireNames() + ", got '" + rule.kind + "'"));
            try {
                built.add(new FaultRule(fault, rule.rate, Set.copyOf(rule.operations),
                        Duration.ofMillis(rule.delayMillis), rule.count));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--fault " + rule.kind + ": " + e.getMessage(), e);
            }
        }
        return new FaultPlan(built, seed);
    }
}

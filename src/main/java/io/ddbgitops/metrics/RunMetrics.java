package io.ddbgitops.metrics;

import io.ddbgitops.report.DriftReport;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The metrics of the runs of one process, in their own registry: serve exposes them on /metrics, plan and apply
 * write them to a textfile or push them to a Pushgateway. Names follow the Prometheus naming guide (unit suffix,
 * _total on counters).
 */
public final class RunMetrics {
    public static final String RUNS = "ddbgitops_runs";
    public static final String TABLES = "ddbgitops_tables";
    public static final String API_CALLS = "ddbgitops_aws_api_calls";
    public static final String THROTTLES = "ddbgitops_aws_throttles";
    public static final String DURATION = "ddbgitops_run_duration_seconds";
    public static final String LAST_RUN = "ddbgitops_last_run_timestamp_seconds";
    public static final String LAST_EXIT = "ddbgitops_last_run_exit_code";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter runs;
    private final Gauge tables;
    private final Histogram duration;
    private final Gauge lastRun;
    private final Gauge lastExit;
    private final ApiCallMetrics apiCalls;
    private volatile Optional<LastRun> last = Optional.empty();

    /** What /status tells about the last finished run. */
    public record LastRun(String outcome, int exitCode, Instant finished, Duration duration,
                          Map<String, Integer> tables) {
        public LastRun {
            tables = Map.copyOf(tables);
        }
    }

    public RunMetrics() {
        runs = Counter.builder().name(RUNS).help("Runs by outcome (ok, differences, invalid, error).")
                .labelNames("mode", "outcome").register(registry);
        tables = Gauge.builder().name(TABLES).help("Tables by status in the last run.")
                .labelNames("status").register(registry);
        duration = Histogram.builder().name(DURATION).help("How long a run took.").unit(Unit.SECONDS)
                .classicOnly().classicUpperBounds(1, 5, 15, 30, 60, 300, 900, 1800, 3600)
                .labelNames("mode").register(registry);
        lastRun = Gauge.builder().name(LAST_RUN).help("When the last run finished (Unix time).")
                .labelNames("mode").register(registry);
        lastExit = Gauge.builder().name(LAST_EXIT).help("The exit code of the last run (0 ok, 1 error, "
                + "2 differences, 3 invalid manifests).").labelNames("mode").register(registry);
        apiCalls = new ApiCallMetrics(
                Counter.builder().name(API_CALLS).help("AWS API calls by service and operation.")
                        .labelNames("service", "operation").register(registry),
                Counter.builder().name(THROTTLES).help("AWS API calls that failed throttled after the SDK's retries.")
                        .labelNames("service", "operation").register(registry));
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Counts the SDK's calls; goes into every client's override configuration. */
    public ExecutionInterceptor interceptor() {
        return apiCalls;
    }

    public Optional<LastRun> last() {
        return last;
    }

    /** A finished run: its report (absent when the run failed before one was built) and exit code. */
    public void record(String mode, Optional<DriftReport> report, int exitCode, Instant started, Instant finished) {
        String outcome = switch (exitCode) {
            case 0 -> "ok";
            case 2 -> "differences";
            case 3 -> "invalid";
            default -> "error";
        };
        Duration took = Duration.between(started, finished);
        runs.labelValues(mode, outcome).inc();
        duration.labelValues(mode).observe(took.toNanos() / 1e9);
        lastRun.labelValues(mode).set(finished.toEpochMilli() / 1e3);
        lastExit.labelValues(mode).set(exitCode);
        Map<String, Integer> byStatus = new TreeMap<>();
        report.ifPresent(r -> {
            r.tables().forEach(t -> byStatus.merge(t.status(), 1, Integer::sum));
            if (!r.unmanaged().isEmpty()) {
                byStatus.merge("unmanaged", r.unmanaged().size(), Integer::sum);
            }
            if (r.summary().invalid() > 0) {
                byStatus.put("invalid", r.summary().invalid());
            }
        });
        if (report.isPresent()) {
            tables.clear();
            byStatus.forEach((status, count) -> tables.labelValues(status).set(count));
        }
        last = Optional.of(new LastRun(outcome, exitCode, finished, took, byStatus));
    }
}

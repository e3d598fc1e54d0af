package io.ddbgitops.metrics;

import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportBuilder;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RunMetricsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void tablesByStatusDescribeOnlyTheLastRunAndAFailedRunKeepsThem() throws Exception {
        RunMetrics metrics = new RunMetrics();
        metrics.record("apply", Optional.of(report(2)), 3, T0, T0.plusSeconds(4));
        assertThat(text(metrics)).contains("ddbgitops_tables{status=\"invalid\"} 2.0")
                .contains("ddbgitops_runs_total{mode=\"apply\",outcome=\"invalid\"} 1.0");

        metrics.record("apply", Optional.of(report(0)), 0, T0.plusSeconds(60), T0.plusSeconds(61));
        assertThat(text(metrics)).doesNotContain("status=\"invalid\"")
                .contains("ddbgitops_runs_total{mode=\"apply\",outcome=\"ok\"} 1.0")
                .contains("ddbgitops_last_run_exit_code{mode=\"apply\"} 0.0")
                .contains("ddbgitops_run_duration_seconds_count{mode=\"apply\"} 2");

        metrics.record("apply", Optional.empty(), 1, T0.plusSeconds(120), T0.plusSeconds(125));
        assertThat(text(metrics)).contains("ddbgitops_runs_total{mode=\"apply\",outcome=\"error\"} 1.0")
                .contains("ddbgitops_last_run_timestamp_seconds{mode=\"apply\"} 1.796119325E9");
        assertThat(metrics.last()).hasValueSatisfying(last -> {
            assertThat(last.outcome()).isEqualTo("error");
            assertThat(last.finished()).isEqualTo(T0.plusSeconds(125));
            assertThat(last.duration().toSeconds()).isEqualTo(5);
            assertThat(last.tables()).isEqualTo(Map.of());
        });
    }

    private static DriftReport report(int invalid) {
        ReportBuilder builder = new ReportBuilder(DriftReport.APPLY, Optional.empty());
        builder.invalid(invalid, List.of());
        return builder.build();
    }

    private static String text(RunMetrics metrics) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, metrics.registry().scrape(),
                io.prometheus.metrics.config.EscapingScheme.UNDERSCORE_ESCAPING);
        return out.toString(StandardCharsets.UTF_8);
    }
}

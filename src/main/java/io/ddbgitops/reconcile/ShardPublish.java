package io.ddbgitops.reconcile;

import io.ddbgitops.git.CommittedFiles;
import io.ddbgitops.git.ReportWriter;
import io.ddbgitops.plan.Shard;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportBadge;
import io.ddbgitops.report.ReportJson;
import io.ddbgitops.report.ReportMarkdown;
import io.ddbgitops.report.ShardReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a shard commits: its own report as {@code drift/shards/I-of-N.json}, and REPORT.md, report.json and the badge
 * recomposed from every shard file of the same N that the report branch holds. The files are read from the
 * checkout's HEAD on every attempt: when another shard pushed first, the push is refused, the checkout is reset to the
 * new head and this runs again, so its result is merged and never lost. Files of another N are the leftovers of an
 * earlier sharding and are removed, as an unsharded run removes every shard file (its report covers all tables).
 */
final class ShardPublish {
    static final String DIR = Reconciler.REPORT_DIR + "/shards";
    private static final Logger LOG = LoggerFactory.getLogger(ShardPublish.class);

    private ShardPublish() {}

    static String file(Shard shard) {
        return DIR + "/" + shard.name() + ".json";
    }

    /** The files of {@code report}, the run of {@code shard} ({@link Shard#ALL}: unsharded, every table). */
    static ReportWriter writer(Shard shard, DriftReport report, String markdown) {
        return root -> {
            List<DriftReport> parts = new ArrayList<>(List.of(report));
            Set<String> removed = new HashSet<>();
            for (Map.Entry<String, String> committed : CommittedFiles.in(root, DIR).entrySet()) {
                Optional<Shard> other = Shard.ofFileName(committed.getKey());
                if (other.isEmpty() || other.get().equals(shard)) {
                    continue; // not a shard report (left alone), or ours (rewritten below)
                }
                if (shard.isAll() || other.get().count() != shard.count()) {
                    removed.add(DIR + "/" + committed.getKey());
                    continue;
                }
                Optional<DriftReport> part = ReportJson.read(committed.getValue());
                part.ifPresentOrElse(parts::add, () -> LOG.warn("{}/{} is not a report; left out of the composed "
                        + "report until its shard writes it again", DIR, committed.getKey()));
            }
            if (shard.isAll()) {
                return ReportWriter.files(Map.of(Reconciler.REPORT_JSON, ReportJson.write(report),
                        Reconciler.REPORT_MD, markdown, Reconciler.REPORT_BADGE, ReportBadge.svg(report)), removed)
                        .write(root);
            }
            DriftReport composed = ShardReports.compose(parts);
            LOG.info("report composed from {} of {} shard(s): {} table(s)", parts.size(), shard.count(),
                    composed.tables().size());
            return ReportWriter.files(Map.of(file(shard), ReportJson.write(report),
                    Reconciler.REPORT_JSON, ReportJson.write(composed), Reconciler.REPORT_MD,
                    ReportMarkdown.render(composed), Reconciler.REPORT_BADGE, ReportBadge.svg(composed)), removed)
                    .write(root);
        };
    }
}

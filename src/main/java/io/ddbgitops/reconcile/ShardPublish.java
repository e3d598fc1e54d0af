package io.ddbgitops.reconcile;

import io.ddbgitops.git.CommitTree;
import io.ddbgitops.git.JGitWorkspace;
import io.ddbgitops.git.ReportWriter;
import io.ddbgitops.plan.Shard;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.ReportBadge;
import io.ddbgitops.report.ReportJson;
import io.ddbgitops.report.ReportMarkdown;
import io.ddbgitops.report.ShardReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a shard commits: its own report as {@code drift/shards/I-of-N.json}, and REPORT.md, report.json and the badge
 * recomposed from every shard file of the same N that the report branch holds. The files are read from the branch
 * tip the report is written onto, on every attempt: when another shard pushed first, the push is refused and this
 * runs again on the new tip, so its result is merged and never lost. Files of another N are the leftovers of an
 * earlier sharding and are removed (returned, not written), as an unsharded run removes every shard file (its
 * report covers all tables).
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
        return new ReportWriter() {
            @Override
            public List<String> write(Path dir) {
                throw new IllegalStateException("a shard's report is written onto the branch tip it recomposes");
            }

            @Override
            public List<String> write(Path dir, CommitTree tip) throws IOException {
                return files(shard, report, markdown, tip).write(dir);
            }
        };
    }

    private static ReportWriter files(Shard shard, DriftReport report, String markdown, CommitTree tip)
            throws IOException {
        List<DriftReport> parts = new ArrayList<>(List.of(report));
        TreeSet<String> removed = new TreeSet<>();
        for (CommitTree.Entry committed : shardFiles(tip)) {
            String name = committed.path();
            Optional<Shard> other = Shard.ofFileName(name);
            if (other.isEmpty() || other.get().equals(shard)) {
                continue; // not a shard report (left alone), or ours (rewritten below)
            }
            if (shard.isAll() || other.get().count() != shard.count()) {
                removed.add(DIR + "/" + name);
                continue;
            }
            Optional<DriftReport> part = read(tip, committed).flatMap(ReportJson::read);
            part.ifPresentOrElse(parts::add, () -> LOG.warn("{}/{} is not a report; left out of the composed "
                    + "report until its shard writes it again", DIR, name));
        }
        Map<String, String> contents = new TreeMap<>();
        if (shard.isAll()) {
            contents.putAll(Map.of(Reconciler.REPORT_JSON, ReportJson.write(report),
                    Reconciler.REPORT_MD, markdown, Reconciler.REPORT_BADGE, ReportBadge.svg(report)));
        } else {
            DriftReport composed = ShardReports.compose(parts);
            LOG.info("report composed from {} of {} shard(s): {} table(s)", parts.size(), shard.count(),
                    composed.tables().size());
            contents.putAll(Map.of(file(shard), ReportJson.write(report),
                    Reconciler.REPORT_JSON, ReportJson.write(composed), Reconciler.REPORT_MD,
                    ReportMarkdown.render(composed), Reconciler.REPORT_BADGE, ReportBadge.svg(composed)));
        }
        ReportWriter written = ReportWriter.files(contents);
        // a returned path that is not written is deleted from the tip
        return dir -> {
            List<String> paths = new ArrayList<>(written.write(dir));
            paths.addAll(removed);
            return List.copyOf(paths);
        };
    }

    /** The regular files directly in {@link #DIR} at the tip (a link is never followed, a sub-folder never read). */
    private static List<CommitTree.Entry> shardFiles(CommitTree tip) throws IOException {
        Optional<CommitTree> folder = tip.folder(DIR);
        List<CommitTree.Entry> files = new ArrayList<>();
        if (folder.isPresent()) {
            folder.get().walk(new CommitTree.Visitor() {
                @Override
                public boolean enter(String path) {
                    return false;
                }

                @Override
                public void visit(CommitTree.Entry entry) {
                    if (entry.kind() == CommitTree.Kind.FILE) {
                        files.add(entry);
                    }
                }
            });
        }
        return files;
    }

    private static Optional<String> read(CommitTree tip, CommitTree.Entry file) throws IOException {
        byte[] bytes = tip.read(file.id(), JGitWorkspace.MAX_READ_BYTES);
        if (bytes.length > JGitWorkspace.MAX_READ_BYTES) {
            LOG.warn("'{}/{}' is larger than {} bytes; not read", DIR, file.path(), JGitWorkspace.MAX_READ_BYTES);
            return Optional.empty();
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
}

package io.ddbgitops.reconcile;

import io.ddbgitops.git.ChangedFiles;
import io.ddbgitops.git.GitException;
import io.ddbgitops.git.JGitWorkspace;
import io.ddbgitops.manifest.LoadResult;
import io.ddbgitops.manifest.ManifestError;
import io.ddbgitops.manifest.ManifestLoader;
import io.ddbgitops.manifest.TableId;
import io.ddbgitops.manifest.TableManifest;
import io.ddbgitops.report.DriftReport;
import io.ddbgitops.report.PullRequestMarkdown;
import io.ddbgitops.report.UndeclaredTable;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a pull request touches: the valid manifests of added or modified files that differ from their base
 * version (compared per document, by namespace/name), and the tables the base declared in changed files that
 * no manifest declares any more. Every validation error stays in, wherever it is.
 */
record PullRequestScope(PullRequest pullRequest, ChangedFiles changes, LoadResult loaded,
                        List<UndeclaredTable> undeclared) {

    PullRequestScope {
        undeclared = List.copyOf(undeclared);
    }

    static PullRequestScope of(JGitWorkspace workspace, ManifestLoader loader, LoadResult head, PullRequest pullRequest)
            throws GitException {
        ChangedFiles changes = workspace.changedFilesSince(pullRequest.baseRef());
        List<TableManifest> base = changes.changedAtBase().isEmpty() ? List.of()
                : loader.load(workspace.writeBaseFiles(changes)).manifests();
        Map<String, TableManifest> baseById = base.stream()
                .collect(Collectors.toMap(TableManifest::id, Function.identity(), (a, b) -> a));
        List<TableManifest> touched = head.manifests().stream()
                .filter(m -> changes.changedAtHead().contains(m.source().file()))
                .filter(m -> !sameDocument(m, Optional.ofNullable(baseById.get(m.id()))))
                .toList();
        LoadResult scoped = new LoadResult(touched, head.errors(), head.invalidManifests(), head.skippedDocuments());
        return new PullRequestScope(pullRequest, changes, scoped, undeclared(base, head));
    }

    /** Base tables nobody declares any more; a file that is invalid now is not taken as having dropped its tables. */
    private static List<UndeclaredTable> undeclared(List<TableManifest> base, LoadResult head) {
        Set<TableId> declared = head.manifests().stream().map(TableManifest::tableId).collect(Collectors.toSet());
        Set<String> invalidFiles = head.errors().stream().map(e -> e.location().file())
                .collect(Collectors.toSet());
        return base.stream()
                .filter(m -> !declared.contains(m.tableId()) && !invalidFiles.contains(m.source().file()))
                .map(m -> new UndeclaredTable(m.source().file(), m.id(), m.region(), m.tableName()))
                .sorted(Comparator.comparing(UndeclaredTable::region).thenComparing(UndeclaredTable::table))
                .toList();
    }

    /**
     * Equal in every component but the source position (lines move when a neighbour document changes). Compared
     * component by component so that fields added to the manifest later are compared too.
     */
    static boolean sameDocument(TableManifest head, Optional<TableManifest> base) {
        if (base.isEmpty()) {
            return false;
        }
        return Arrays.stream(TableManifest.class.getRecordComponents())
                .filter(c -> !c.getName().equals("source"))
                .allMatch(c -> Objects.equals(value(c, head), value(c, base.get())));
    }

    private static Object value(RecordComponent component, TableManifest manifest) {
        try {
            return component.getAccessor().invoke(manifest);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of a manifest", e);
        }
    }

    PullRequestMarkdown.Comment render(DriftReport report) {
        return PullRequestMarkdown.comment(report, new PullRequestMarkdown.Context(pullRequest.baseRef(),
                changes.changedAtHead().size() + changes.deleted().size(), undeclared, pullRequest.linkPrefix(),
                pullRequest.detailUrl()));
    }
}

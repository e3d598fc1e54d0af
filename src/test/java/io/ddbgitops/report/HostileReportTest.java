package io.ddbgitops.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 3: every piece of text that can come from a pull request, the repository or AWS is put into
 * every field of a report, and REPORT.md and the pull-request comment must keep their structure: as many lines,
 * table rows and cells, {@code <details>} blocks and fenced lines as the same report with plain values, and
 * outside code no HTML tag, link, image or mention.
 */
class HostileReportTest {
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String SUMMARY = "</b></summary><h1>x";
    static final String LINK = "](javascript:alert(1))";
    static final List<String> HOSTILE = List.of(
            IMG, SUMMARY, "a|b||c", "`tick` and ``double`` and ```triple```", "```", "@team", "[x]" + LINK,
            "line one\n```\n</details>\n# heading\n| x | y |\n\n- item", "~~~\nafter tilde fence",
            "- looks like a list", "1. looks like a list", "\\|\\", "\u202eevil\u2028x\u0000", "*bold* _it_ ~~s~~ $x$",
            "&lt;img src=x&gt;", "<!-- comment", "<script>alert(1)</script>",
            IMG + SUMMARY + "|`@team`|" + LINK + "\n```\n");

    static Stream<String> hostile() {
        return HOSTILE.stream();
    }

    private static final Pattern MENTION = Pattern.compile("@[A-Za-z0-9]");
    /** An unescaped {@code ](} (after no or an even number of backslashes): where a link's target begins. */
    private static final Pattern LINK_TARGET = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\]\\(([^)]*)\\)");
    private static final Pattern HTML_TAG = Pattern.compile("<\\s*/?\\s*[A-Za-z!]");

    private static DriftReport report(String mode, String text) {
        Optional<String> t = Optional.of(text);
        BackupEntry backup = new BackupEntry(text, t, t, t, t, t, 3, t, t, List.of(text, text), List.of(text));
        List<ChangeEntry> changes = List.of(new ChangeEntry(text, text, text, "update", "git"),
                new ChangeEntry(text + "2", "(none)", text, "create", "drift"));
        List<TableEntry> tables = List.of(
                new TableEntry(text, text, text, text, text, "changed", changes, List.of(text, text), Map.of(text, text),
                        Optional.of(backup)),
                new TableEntry(text + "/b", text, text, text, text, "blocked", changes.subList(0, 1), List.of(text),
                        Map.of()),
                new TableEntry(text + "/c", text, text, text, text, text, List.of(), List.of(text), Map.of()));
        List<ErrorEntry> errors = List.of(new ErrorEntry(text, 3, 7, text, text), new ErrorEntry(text, 9, 1, "", text));
        List<UnmanagedEntry> unmanaged = List.of(new UnmanagedEntry(text, text, text, text, text),
                new UnmanagedEntry(text, text + "2", "", UnmanagedEntry.NONE, text));
        return new DriftReport(mode, DriftReport.Summary.of(tables, 2, unmanaged), tables, errors, unmanaged);
    }

    private static PullRequestMarkdown.Context context(String text, Optional<String> prefix) {
        return new PullRequestMarkdown.Context(text, 3, List.of(new UndeclaredTable(text, text, text, text)), prefix);
    }

    private static Map<String, Function<String, String>> renderers() {
        return Map.of(
                "REPORT.md (apply)", text -> ReportMarkdown.render(report(DriftReport.APPLY, text)),
                "REPORT.md (plan)", text -> ReportMarkdown.render(report(DriftReport.PLAN, text)),
                "pull-request comment", text -> PullRequestMarkdown.render(report(DriftReport.PLAN, text),
                        context(text, Optional.empty())),
                "pull-request comment with links", text -> PullRequestMarkdown.render(report(DriftReport.PLAN, text),
                        context(text, Optional.of("https://github.com/org/repo/blob/abc"))));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void keepsTheStructureOfThePlainReport(String text) {
        renderers().forEach((name, render) -> {
            String plain = render.apply("plain");
            String md = render.apply(text);

            assertThat(md.split("\n", -1)).as(name + ": lines").hasSameSizeAs(plain.split("\n", -1));
            assertThat(tableRows(md)).as(name + ": table rows and their cells").isEqualTo(tableRows(plain));
            String prose = MarkdownStructure.outsideCode(md);
            assertThat(count(prose, "<details>")).as(name + ": <details>").isEqualTo(count(plain, "<details>"))
                    .isEqualTo(count(prose, "</details>"));
            assertThat(count(prose, "</summary>")).as(name + ": </summary>").isEqualTo(count(plain, "</summary>"));
            assertThat(MarkdownStructure.fences(md)).as(name + ": fenced blocks")
                    .extracting(f -> f.lines().size())
                    .isEqualTo(MarkdownStructure.fences(plain).stream().map(f -> f.lines().size()).toList());
        });
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void makesNoHtmlLinkImageOrMentionOutsideCode(String text) {
        renderers().forEach((name, render) -> {
            // the comment's own marker line is ours; nothing after it may open an HTML comment
            String plain = MarkdownStructure.outsideCode(withoutMarker(render.apply("plain")));
            String prose = MarkdownStructure.outsideCode(withoutMarker(render.apply(text)));

            assertThat(HTML_TAG.matcher(prose).results().map(r -> r.group()).toList()).as(name + ": HTML tags")
                    .isEqualTo(HTML_TAG.matcher(plain).results().map(r -> r.group()).toList());
            assertThat(prose).as(name).doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<h1")
                    .doesNotContainIgnoringCase("<script").doesNotContain("<!--");
            assertThat(LINK_TARGET.matcher(prose).results().count()).as(name + ": links")
                    .isEqualTo(LINK_TARGET.matcher(plain).results().count());
            assertThat(MENTION.matcher(prose).find()).as(name + ": mention").isFalse();
        });
    }

    private static String withoutMarker(String markdown) {
        return markdown.startsWith(PullRequestMarkdown.MARKER + "\n")
                ? markdown.substring(PullRequestMarkdown.MARKER.length() + 1) : markdown;
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void theSummaryOfACollapsibleBlockHoldsOnlyItsOwnTags(String text) {
        String md = PullRequestMarkdown.render(report(DriftReport.PLAN, text), context(text, Optional.empty()));

        List<String> summaries = md.lines().filter(l -> l.startsWith("<details><summary>")).toList();
        assertThat(summaries).hasSize(3).allSatisfy(line ->
                assertThat(HTML_TAG.matcher(line).results().map(r -> r.group()).toList())
                        .containsExactly("<d", "<s", "<b", "</b", "<c", "</c", "</s"));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void linksPointOnlyAtTheRepository(String text) {
        String md = PullRequestMarkdown.render(report(DriftReport.PLAN, text),
                context(text, Optional.of("https://github.com/org/repo/blob/abc")));

        List<String> targets = LINK_TARGET.matcher(MarkdownStructure.outsideCode(md)).results()
                .map(r -> r.group(1)).toList();
        assertThat(targets).hasSize(5).allSatisfy(target ->
                assertThat(target).startsWith("https://github.com/org/repo/blob/abc/").matches("[!-~&&[^()<>\\[\\]\"'`\\\\]]+"));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void theBadgeIsWellFormedXmlShowingTheTextAsWritten(String text) throws Exception {
        String svg = ReportBadge.svg(text, text, "#4c1");

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

        assertThat(doc.getElementsByTagName("text").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("text").item(0).getTextContent()).isEqualTo(Escape.visible(text));
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).isEqualTo(Escape.visible(text + ": " + text));
    }

    /** Each table row (line starting with a pipe) as its number of cell separators. */
    private static List<Integer> tableRows(String md) {
        return md.lines().filter(l -> l.startsWith("|")).map(MarkdownStructure::cellSeparators).toList();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

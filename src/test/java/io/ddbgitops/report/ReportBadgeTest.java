package io.ddbgitops.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportBadgeTest {

    private static TableEntry table(String name, String status) {
        return new TableEntry("manifests/" + name + ".yaml", "shop", name, "us-east-1", name, status, List.of(),
                List.of(), Map.of());
    }

    private static DriftReport report(String mode, int invalid, TableEntry... tables) {
        List<TableEntry> list = List.of(tables);
        return new DriftReport(mode, DriftReport.Summary.of(list, invalid), list, List.of());
    }

    @Test
    void showsInSyncInGreenWhenEveryTableMatches() {
        String svg = ReportBadge.svg(report(DriftReport.PLAN, 0, table("a", "in_sync"), table("b", "in_sync")));

        assertThat(svg).isEqualTo("""
                <svg xmlns="http://www.w3.org/2000/svg" width="145" height="20" role="img" aria-label="dynamodb: in sync">
                  <title>dynamodb: in sync</title>
                  <rect width="76" height="20" fill="#555"/>
                  <rect x="76" width="69" height="20" fill="#4c1"/>
                  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
                    <text x="38" y="14">dynamodb</text>
                    <text x="110" y="14">in sync</text>
                  </g>
                </svg>
                """);
    }

    @Test
    void countsTablesThatDifferFromGitAsDriftedInYellow() {
        String svg = ReportBadge.svg(report(DriftReport.PLAN, 0, table("a", "drifted"), table("b", "created"),
                table("c", "in_sync")));

        assertThat(ReportBadge.message(report(DriftReport.PLAN, 0, table("a", "drifted"), table("b", "created"))))
                .isEqualTo("2 drifted");
        assertThat(svg).contains(">2 drifted</text>").contains("fill=\"#dfb317\"");
    }

    @Test
    void anAppliedFixLeavesTheBadgeInSyncButABlockedChangeDoesNot() {
        assertThat(ReportBadge.message(report(DriftReport.APPLY, 0, table("a", "drifted"), table("b", "created"))))
                .isEqualTo("in sync");
        assertThat(ReportBadge.message(report(DriftReport.APPLY, 0, table("a", "blocked"), table("b", "created"))))
                .isEqualTo("1 drifted");
    }

    @Test
    void longWorkLeftRunningIsShownInBlueUnlessSomethingDiffers() {
        DriftReport running = report(DriftReport.APPLY, 0, table("a", "in_progress"), table("b", "created"));

        assertThat(ReportBadge.message(running)).isEqualTo("1 in progress");
        assertThat(ReportBadge.svg(running)).contains("fill=\"#007ec6\"");
        assertThat(ReportBadge.message(report(DriftReport.APPLY, 0, table("a", "in_progress"), table("b", "blocked"))))
                .isEqualTo("1 drifted");
    }

    @Test
    void failuresWinOverInvalidManifestsWhichWinOverDrift() {
        assertThat(ReportBadge.svg(report(DriftReport.APPLY, 2, table("a", "failed"), table("b", "drifted"))))
                .contains(">1 failing</text>").contains("fill=\"#e05d44\"");
        assertThat(ReportBadge.message(report(DriftReport.PLAN, 2, table("b", "drifted")))).isEqualTo("2 invalid");
    }

    @Test
    void equalStatesGiveEqualBytes() {
        String first = ReportBadge.svg(report(DriftReport.APPLY, 0, table("a", "created"), table("b", "in_sync")));
        String second = ReportBadge.svg(report(DriftReport.APPLY, 0, table("a", "in_sync"), table("b", "in_sync")));

        assertThat(first).isEqualTo(second);
    }

    private static final java.time.Instant CHECKED = java.time.Instant.parse("2026-11-21T12:00:00Z");
    private static final Freshness DAY = new Freshness(java.time.Duration.ofHours(24));

    @Test
    void showsTheDayOfTheCheckAndTheFullTimeAndCommitInTheTooltip() {
        DriftReport checked = report(DriftReport.APPLY, 0, table("a", "in_sync")).checked(CHECKED, ReportFixtures.COMMIT);

        assertThat(ReportBadge.svg(checked)).contains(">in sync · 2026-11-21</text>").contains("fill=\"#4c1\"")
                .contains("<title>dynamodb: in sync · 2026-11-21 (checked 2026-11-21T12:00:00Z at "
                        + ReportFixtures.COMMIT + ")</title>");
    }

    @Test
    void saysStaleInGreyOnceTheCheckIsOlderThanStaleAfter() {
        DriftReport checked = report(DriftReport.APPLY, 0, table("a", "in_sync")).checked(CHECKED, ReportFixtures.COMMIT);

        assertThat(ReportBadge.svg(checked, DAY, CHECKED.plus(java.time.Duration.ofHours(24))))
                .isEqualTo(ReportBadge.svg(checked));
        String stale = ReportBadge.svg(checked, DAY, CHECKED.plus(java.time.Duration.ofHours(25)));
        assertThat(stale).contains(">stale · 2026-11-21</text>").contains("fill=\"" + ReportBadge.STALE_COLOR + "\"")
                .doesNotContain("#4c1");
        assertThat(ReportBadge.svg(checked, DAY, CHECKED.plus(java.time.Duration.ofDays(9))))
                .as("the same bytes however late, so a watchdog commits it once").isEqualTo(stale);
    }

    @Test
    void aFailedRunIsRedWithTheDayItFailed() {
        String failed = ReportBadge.failed(java.util.Optional.empty(), CHECKED.plus(java.time.Duration.ofDays(3)));

        assertThat(failed).contains(">run failed · 2026-11-24</text>").contains("fill=\"#e05d44\"")
                .contains("last report: none");
    }
}

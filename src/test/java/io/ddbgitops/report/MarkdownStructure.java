package io.ddbgitops.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of CommonMark/GFM to check a rendered report's structure in tests: its fenced code blocks, the text
 * outside code (where HTML, links and mentions would take effect), and a table row's cell separators.
 */
public final class MarkdownStructure {
    private MarkdownStructure() {}

    /** A fenced code block: its fence and its content lines. */
    public record Fence(String fence, List<String> lines) {}

    /** Every fenced code block; fails when one is never closed. */
    public static List<Fence> fences(String md) {
        List<Fence> fences = new ArrayList<>();
        String open = null;
        List<String> lines = new ArrayList<>();
        for (String line : md.split("\n", -1)) {
            if (open == null) {
                String run = leadingRun(line);
                if (run.length() >= 3) {
                    open = run;
                    lines = new ArrayList<>();
                }
            } else if (closes(line, open)) {
                fences.add(new Fence(open, lines));
                open = null;
            } else {
                lines.add(line);
            }
        }
        if (open != null) {
            throw new AssertionError("fence " + open + " is never closed");
        }
        return fences;
    }

    /** The text with fenced blocks and code spans removed: what a renderer reads as Markdown and HTML. */
    public static String outsideCode(String md) {
        StringBuilder prose = new StringBuilder();
        String open = null;
        for (String line : md.split("\n", -1)) {
            if (open == null && leadingRun(line).length() >= 3) {
                open = leadingRun(line);
            } else if (open != null) {
                if (closes(line, open)) {
                    open = null;
                }
            } else {
                prose.append(withoutCodeSpans(line)).append('\n');
            }
        }
        return prose.toString();
    }

    /** The pipes of a table row that separate cells (GFM: a pipe preceded by a backslash does not). */
    public static int cellSeparators(String row) {
        int count = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
                count++;
            }
        }
        return count;
    }

    private static String withoutCodeSpans(String line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                out.append(c).append(line.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                int n = runLength(line, i);
                int close = closingRun(line, i + n, n);
                if (close < 0) {
                    out.append(line, i, i + n);
                    i += n;
                } else {
                    i = close + n;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int closingRun(String line, int from, int n) {
        int i = from;
        while (i < line.length()) {
            if (line.charAt(i) == '`') {
                int run = runLength(line, i);
                if (run == n) {
                    return i;
                }
                i += run;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int runLength(String line, int at) {
        int n = 0;
        while (at + n < line.length() && line.charAt(at + n) == '`') {
            n++;
        }
        return n;
    }

    private static String leadingRun(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '`') {
            n++;
        }
        return line.substring(0, n);
    }

    private static boolean closes(String line, String fence) {
        String stripped = line.strip();
        return stripped.length() >= fence.length() && stripped.chars().allMatch(ch -> ch == '`');
    }
}

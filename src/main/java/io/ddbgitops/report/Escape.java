package io.ddbgitops.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Escapes text for the one place in the report it lands in. Names, namespaces, tags, file names, values and error
 * messages come from pull requests, the repository and AWS, and REPORT.md is posted as a pull-request comment, so
 * such text must show as written and never add structure: it closes no table cell, {@code <details>} block or
 * code fence, makes no HTML tag, link or image, and mentions nobody. Every renderer puts each piece of such text
 * through exactly one method here, chosen by context.
 *
 * <p>Line breaks and other control characters become visible symbols (U+2400 block: {@code ␊}, {@code ␍},
 * {@code ␉}), and invisible direction/line-separator characters become {@code \\uXXXX}, since every context here
 * is a single line.
 */
public final class Escape {
    private static final char WORD_JOINER = '\u2060';
    /**
     * Backslash-escaped in Markdown text: what can open a code span, emphasis, strike-through, math, a link or
     * image ({@code [}; {@code (} and {@code !} are harmless without it), end a table cell, or close a heading.
     */
    private static final String MARKDOWN_PUNCTUATION = "\\`*_[]|~#$";

    private Escape() {}

    /**
     * Markdown text in a paragraph, list item, heading or GFM table cell: HTML-significant characters become
     * entities, Markdown punctuation is backslash-escaped (GFM turns {@code \|} back into a pipe inside a cell),
     * a leading list or heading marker is escaped, and {@code @} is followed by a word joiner so it pings nobody.
     * A word joiner also goes into {@code ://} and {@code www.}, so that GFM makes no bare-URL autolink either.
     */
    public static String text(String raw) {
        String s = visible(raw);
        int marker = leadingMarker(s);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i == marker) {
                out.append('\\');
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append('@').append(WORD_JOINER);
                case ':' -> out.append(s.startsWith("//", i + 1) ? ":" + WORD_JOINER : ":");
                case '.' -> out.append(i >= 3 && s.regionMatches(true, i - 3, "www", 0, 3) ? WORD_JOINER + "." : ".");
                default -> {
                    if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** An inline code span outside a table: the fence is longer than any backtick run inside. */
    public static String code(String raw) {
        String s = visible(raw);
        if (s.isEmpty()) {
            return "` `";
        }
        String fence = "`".repeat(longestRun(s, '`') + 1);
        boolean pad = s.startsWith("`") || s.endsWith("`") || s.startsWith(" ") || s.endsWith(" ");
        return pad ? fence + " " + s + " " + fence : fence + s + fence;
    }

    /** An inline code span inside a GFM table cell, where a pipe would end the cell even inside the span. */
    public static String codeInCell(String raw) {
        return code(raw).replace("|", "\\|");
    }

    /**
     * A fenced code block with {@code info} (e.g. {@code diff}) holding {@code lines}, each a single line (a line
     * break inside one becomes visible): the fence is longer than any backtick run, so no line can close it early.
     */
    public static String fence(String info, List<String> lines) {
        List<String> shown = lines.stream().map(Escape::visible).toList();
        int longest = shown.stream().mapToInt(l -> longestRun(l, '`')).max().orElse(0);
        String fence = "`".repeat(Math.max(3, longest + 1));
        StringBuilder out = new StringBuilder(fence).append(info).append('\n');
        shown.forEach(l -> out.append(l).append('\n'));
        return out.append(fence).append('\n').toString();
    }

    /**
     * Text inside HTML, such as a {@code <summary>}: entities for {@code <>&"'}, and for the brackets and backticks
     * that would make a link or code span should a renderer read the line as Markdown after all; no mention.
     */
    public static String html(String raw) {
        return xml(raw).replace("[", "&#91;").replace("]", "&#93;").replace("`", "&#96;")
                .replace("@", "@" + WORD_JOINER);
    }

    /** Text or an attribute value in XML (the SVG badge). */
    public static String xml(String raw) {
        String s = visible(raw);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A repository path inside a link target: every byte but unreserved characters and {@code /} percent-encoded. */
    public static String urlPath(String raw) {
        return percentEncode(raw, "-._~/");
    }

    /**
     * A URL given by the operator (a link prefix) inside a link target: characters that could end the target or
     * the link, spaces, controls and non-ASCII are percent-encoded; an existing {@code %XX} is kept.
     */
    public static String url(String raw) {
        return percentEncode(raw, "-._~/:?#@!$&*+,;=%");
    }

    private static String percentEncode(String raw, String keep) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c < 0x80 && keep.indexOf(c) >= 0);
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /**
     * Control characters as their visible symbols, and characters that are invisible but reorder or break the
     * text (bidirectional controls, line and paragraph separators, C1 controls, BOM) as {@code \\uXXXX}.
     */
    static String visible(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20) {
                out.append((char) (0x2400 + c));
            } else if (c == 0x7f) {
                out.append('\u2421');
            } else if ((c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\u200e' || c == '\u200f'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\ufeff') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The index of a character that would make the text a list item, heading underline or ordered-list marker if
     * it began a line ({@code -}, {@code +}, {@code =}, or the {@code .}/{@code )} after leading digits); -1 if none.
     */
    private static int leadingMarker(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        char first = s.charAt(0);
        if (first == '-' || first == '+' || first == '=') {
            return 0;
        }
        int i = 0;
        while (i < s.length() && i < 9 && Character.isDigit(s.charAt(i)) && s.charAt(i) < 0x80) {
            i++;
        }
        return i > 0 && i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ')') ? i : -1;
    }

    private static int longestRun(String s, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}

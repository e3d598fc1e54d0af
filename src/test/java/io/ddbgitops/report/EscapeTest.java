package io.ddbgitops.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EscapeTest {

    @Test
    void textTurnsHtmlIntoEntitiesAndEscapesMarkdownPunctuation() {
        assertThat(Escape.text("<img src=x onerror=alert(1)>")).isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Escape.text("</b></summary><h1>x")).isEqualTo("&lt;/b&gt;&lt;/summary&gt;&lt;h1&gt;x");
        assertThat(Escape.text("[x](javascript:alert(1))")).isEqualTo("\\[x\\](javascript:alert(1))");
        assertThat(Escape.text("a|b `c` *d* _e_ ~f~ #g $h$ \\")).isEqualTo("a\\|b \\`c\\` \\*d\\* \\_e\\_ \\~f\\~ \\#g \\$h\\$ \\\\");
        assertThat(Escape.text("Tom & Jerry's \"show\"")).isEqualTo("Tom &amp; Jerry's \"show\"");
    }

    @Test
    void textNeutralisesMentionsWithAWordJoiner() {
        assertThat(Escape.text("ping @team and @org/admins")).isEqualTo("ping @\u2060team and @\u2060org/admins");
    }

    @Test
    void textMakesNoBareUrlAutolink() {
        assertThat(Escape.text("log in at https://evil.example or WWW.evil.example"))
                .isEqualTo("log in at https:\u2060//evil.example or WWW\u2060.evil.example")
                .doesNotContain("://").doesNotContainIgnoringCase("www.");
        assertThat(Escape.text("a: b, c.d")).isEqualTo("a: b, c.d");
    }

    @Test
    void textEscapesALeadingListOrHeadingMarker() {
        assertThat(Escape.text("- item")).isEqualTo("\\- item");
        assertThat(Escape.text("+ item")).isEqualTo("\\+ item");
        assertThat(Escape.text("=====")).isEqualTo("\\=====");
        assertThat(Escape.text("12. item")).isEqualTo("12\\. item");
        assertThat(Escape.text("3) item")).isEqualTo("3\\) item");
        assertThat(Escape.text("a-b 1.5")).isEqualTo("a-b 1.5");
    }

    @Test
    void lineBreaksAndInvisibleControlsBecomeVisible() {
        assertThat(Escape.text("one\ntwo\r\nthree\tfour\u0000")).isEqualTo("one␊two␍␊three␉four␀");
        assertThat(Escape.text("\u202egnp.exe\u2028x")).isEqualTo("\\\\u202Egnp.exe\\\\u2028x");
        assertThat(Escape.code("a\nb")).isEqualTo("`a␊b`");
        assertThat(Escape.html("a\nb")).isEqualTo("a␊b");
    }

    @Test
    void codeUsesAFenceLongerThanAnyBacktickRunInside() {
        assertThat(Escape.code("plain")).isEqualTo("`plain`");
        assertThat(Escape.code("a`b")).isEqualTo("``a`b``");
        assertThat(Escape.code("```")).isEqualTo("```` ``` ````");
        assertThat(Escape.code("`x` and ``y``")).isEqualTo("``` `x` and ``y`` ```");
        assertThat(Escape.code("<img src=x> @team")).isEqualTo("`<img src=x> @team`");
        assertThat(Escape.code("")).isEqualTo("` `");
    }

    @Test
    void codeInACellEscapesPipesForTheTableParser() {
        assertThat(Escape.codeInCell("a|b")).isEqualTo("`a\\|b`");
    }

    @Test
    void aFenceIsLongerThanAnyBacktickRunInItsLines() {
        assertThat(Escape.fence("diff", List.of("~ a: 1 → 2"))).isEqualTo("```diff\n~ a: 1 → 2\n```\n");
        assertThat(Escape.fence("diff", List.of("~ a: ````` → x\n```", "~~~")))
                .isEqualTo("``````diff\n~ a: ````` → x␊```\n~~~\n``````\n");
    }

    @Test
    void htmlEscapesEveryCharacterThatCouldEndTheElementOrStartMarkup() {
        assertThat(Escape.html("</b></summary><h1>x & 'y' \"z\" [l](j:) `c` @team"))
                .isEqualTo("&lt;/b&gt;&lt;/summary&gt;&lt;h1&gt;x &amp; &#39;y&#39; &quot;z&quot; &#91;l&#93;(j:) &#96;c&#96; @\u2060team");
    }

    @Test
    void xmlEscapesTheFiveSpecialCharacters() {
        assertThat(Escape.xml("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    @Test
    void urlsArePercentEncodedSoNoCharacterEndsTheLinkTarget() {
        assertThat(Escape.urlPath("manifests/a b/)(<x>.yaml")).isEqualTo("manifests/a%20b/%29%28%3Cx%3E.yaml");
        assertThat(Escape.urlPath("ü#?.yaml")).isEqualTo("%C3%BC%23%3F.yaml");
        assertThat(Escape.url("https://example.com/blob/a%20b) x")).isEqualTo("https://example.com/blob/a%20b%29%20x");
    }
}

package io.ddbgitops.cli;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Colour only where wanted, and ASCII where the terminal's charset has no symbols. */
class TerminalTest {
    @Test
    void paintsOnlyWhenColourIsOn() {
        assertThat(new Terminal(true).paint("+ a: b", Terminal.Style.GREEN)).isEqualTo("\u001b[32m+ a: b\u001b[0m");
        assertThat(Terminal.PLAIN.paint("+ a: b", Terminal.Style.GREEN)).isEqualTo("+ a: b");
        assertThat(Terminal.detect(Map.of("NO_COLOR", "1"), false).color()).isFalse();
        assertThat(Terminal.detect(Map.of(), true).color()).isFalse();
    }

    @Test
    void foldsOurSymbolsToAsciiOnlyForACharsetWithoutThem() throws Exception {
        StringWriter ascii = new StringWriter();
        try (Writer w = AsciiFallback.wrap(ascii, StandardCharsets.US_ASCII)) {
            w.write("~ a: 1 → 2 — ✓ ⚠️ … 🆕 é");
        }
        StringWriter utf8 = new StringWriter();
        try (Writer w = AsciiFallback.wrap(utf8, StandardCharsets.UTF_8)) {
            w.write("1 → 2");
        }

        assertThat(ascii.toString()).isEqualTo("~ a: 1 -> 2 - ok ! ... * ?");
        assertThat(utf8.toString()).isEqualTo("1 → 2");
    }
}

package io.ddbgitops.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * A writer that replaces the symbols we print (✓, ⚠, —, →, …, the report's emoji) by ASCII when the terminal's
 * charset cannot encode them, so that a run under {@code LANG=C} prints "->" rather than "?".
 */
final class AsciiFallback extends FilterWriter {
    private static final Map<Character, String> ASCII = Map.ofEntries(
            Map.entry('✓', "ok"), Map.entry('✅', "ok"), Map.entry('⚠', "!"), Map.entry('—', "-"),
            Map.entry('–', "-"), Map.entry('→', "->"), Map.entry('…', "..."), Map.entry('❌', "x"),
            Map.entry('⛔', "x"), Map.entry('❔', "?"), Map.entry('✏', "~"), Map.entry('·', "-"),
            Map.entry('‘', "'"), Map.entry('’', "'"), Map.entry('“', "\""), Map.entry('”', "\""),
            Map.entry('\uFE0F', ""));

    private AsciiFallback(Writer out) {
        super(out);
    }

    /** {@code out} itself when {@code charset} encodes our symbols, else {@code out} behind the fallback. */
    static Writer wrap(Writer out, Charset charset) {
        return charset.newEncoder().canEncode("✓⚠—→…") ? out : new AsciiFallback(out);
    }

    /** {@code text} with our symbols in ASCII; other characters outside ASCII become "?". */
    static String fold(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                ascii.append(c);
            } else if (Character.isHighSurrogate(c)) {
                ascii.append('*'); // an emoji outside the BMP, such as the report's "new" sign
                i++;
            } else {
                ascii.append(ASCII.getOrDefault(c, "?"));
            }
        }
        return ascii.toString();
    }

    @Override
    public void write(int c) throws IOException {
        out.write(fold(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        out.write(fold(new String(cbuf, off, len)));
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        out.write(fold(str.substring(off, off + len)));
    }
}

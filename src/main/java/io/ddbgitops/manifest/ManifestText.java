package io.ddbgitops.manifest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads one manifest file as text, refusing what the YAML parser should never see: more bytes than
 * {@link ManifestLimits#fileBytes()}, anything but UTF-8, control characters, over-long lines and too many
 * documents. Every check is one linear pass, so a hostile file fails in milliseconds, at its real line and column.
 */
final class ManifestText {
    private final ManifestLimits limits;

    ManifestText(ManifestLimits limits) {
        this.limits = limits;
    }

    /** The file's text without a UTF-8 byte-order mark; {@code size} is what the walk saw. */
    String read(Path file, long size) throws IOException, RejectedFile {
        return read(new DirectorySource(file.getParent()), new SourceEntry(file.getFileName().toString(),
                SourceEntry.Kind.FILE, file.toString()), size);
    }

    /** The text of {@code file} of {@code source}; {@code size} is what the walk saw, checked before reading. */
    String read(ManifestSource source, SourceEntry file, long size) throws IOException, RejectedFile {
        if (size > limits.fileBytes()) {
            throw tooLarge(size);
        }
        // the source never reads through a link, even if one replaced the file since the walk
        byte[] bytes = source.read(file, limits.fileBytes());
        if (bytes.length > limits.fileBytes()) {
            throw tooLarge(bytes.length);
        }
        String text = decode(bytes);
        check(text);
        return text;
    }

    private RejectedFile tooLarge(long size) {
        return new RejectedFile("the file is " + size + " bytes; at most " + limits.fileBytes()
                + " bytes are read (limit: file size)", 1, 1);
    }

    static String decode(byte[] bytes) throws RejectedFile {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3; // a UTF-8 byte-order mark, as some Windows editors write: harmless, dropped
        } else if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            throw new RejectedFile("the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
                    1, 1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(bytes, start, in.position());
        }
        return out.flip().toString();
    }

    /** The line and column of the first byte that is not UTF-8, counted in the characters before it. */
    private static RejectedFile notUtf8(byte[] bytes, int start, int at) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        return new RejectedFile(String.format("the file is not UTF-8 text: byte 0x%02X cannot be read as UTF-8; "
                + "save the file as UTF-8", bytes[at] & 0xFF), line, column);
    }

    /** Control characters, line length and the number of document markers, in one pass. */
    void check(String text) throws RejectedFile {
        int line = 1;
        int lineStart = 0;
        int documents = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                continue;
            }
            int column = i - lineStart + 1;
            if (column > limits.lineChars()) {
                throw new RejectedFile("line " + line + " is longer than " + limits.lineChars()
                        + " characters (limit: line length)", line, column);
            }
            if (!printable(c)) {
                throw new RejectedFile(String.format("control character U+%04X is not allowed in YAML%s", (int) c,
                        c == 0 ? " (is the file UTF-16? save it as UTF-8)" : ""), line, column);
            }
            if (column == 1 && isDocumentMarker(text, i) && ++documents > limits.documentsPerFile()) {
                throw new RejectedFile("more than " + limits.documentsPerFile()
                        + " YAML documents (---) in one file (limit: documents per file); split the file", line, 1);
            }
        }
    }

    /** YAML's printable set (c-printable): tab, line breaks, and everything but C0/C1 controls and DEL. */
    private static boolean printable(char c) {
        if (c == '\t' || c == '\r' || c == 0x85) {
            return true;
        }
        return !(c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFFFE || c == 0xFFFF);
    }

    private static boolean isDocumentMarker(String text, int i) {
        if (!text.startsWith("---", i)) {
            return false;
        }
        int after = i + 3;
        return after == text.length() || " \t\r\n".indexOf(text.charAt(after)) >= 0;
    }
}

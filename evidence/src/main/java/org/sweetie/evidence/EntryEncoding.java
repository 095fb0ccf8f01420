package org.sweetie.evidence;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The canonical byte encoding of an evidence entry (docs/evidence.md). UTF-8 text:
 * <pre>
 * sweetie-evidence-entry/1
 * kind=message
 * name=value
 * ...
 * </pre>
 * one line per field, each ending in LF. In values, backslash is written {@code \\}, LF {@code \n}, CR {@code \r},
 * any other character below U+0020, U+007F and any unpaired surrogate {@code \\uXXXX} (four lower-case hex digits);
 * everything else stands as itself. So every string has exactly one encoding, and a third party who reads the fields
 * can encode them again and get the same bytes, hence the same leaf hash.
 */
public final class EntryEncoding {
    public static final String HEADER = "sweetie-evidence-entry/1";

    private EntryEncoding() {
    }

    /** Thrown when bytes are not the canonical encoding of an entry; the message says where and why. */
    public static final class MalformedEntryException extends Exception {
        MalformedEntryException(String message) {
            super(message, null, false, false);
        }
    }

    public static byte[] encode(Entry entry) {
        StringBuilder out = new StringBuilder(256).append(HEADER).append('\n');
        out.append("kind=").append(escape(entry.kind())).append('\n');
        for (Entry.Field field : entry.fields()) {
            out.append(field.name()).append('=').append(escape(field.value())).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Entry decode(byte[] bytes) throws MalformedEntryException {
        // Bytes that are not UTF-8 decode to U+FFFD: only then is a strict decoder needed (this runs for every
        // entry of a bundle).
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            requireUtf8(bytes);
        }
        if (!text.endsWith("\n")) {
            throw new MalformedEntryException("does not end with a line feed");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new MalformedEntryException("line 1 is not " + HEADER);
        }
        if (lines.length < 2 || !lines[1].startsWith("kind=")) {
            throw new MalformedEntryException("line 2 is not kind=...");
        }
        String kind = unescape(lines[1].substring(5), 2);
        List<Entry.Field> fields = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq <= 0 || !Entry.isName(lines[i].substring(0, eq))) {
                throw new MalformedEntryException("line " + (i + 1) + " is not name=value");
            }
            fields.add(new Entry.Field(lines[i].substring(0, eq), unescape(lines[i].substring(eq + 1), i + 1)));
        }
        Entry entry = new Entry(kind, fields);
        if (!Arrays.equals(encode(entry), bytes)) {
            throw new MalformedEntryException("not in canonical form (escapes that are not the only way to write it)");
        }
        return entry;
    }

    private static void requireUtf8(byte[] bytes) throws MalformedEntryException {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new MalformedEntryException("not UTF-8");
        }
    }

    static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escaped = escapeOf(value, i, c);
            if (escaped != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                out.append(escaped != null ? escaped : String.valueOf(c));
            }
        }
        return out == null ? value : out.toString();
    }

    private static String escapeOf(String value, int i, char c) {
        if (c == '\\') {
            return "\\\\";
        }
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c < 0x20 || c == 0x7f || unpairedSurrogate(value, i, c)) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }

    private static boolean unpairedSurrogate(String s, int i, char c) {
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private static String unescape(String value, int line) throws MalformedEntryException {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= value.length()) {
                throw new MalformedEntryException("line " + line + " ends in a lone backslash");
            }
            char e = value.charAt(++i);
            switch (e) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    try {
                        out.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException | StringIndexOutOfBoundsException bad) {
                        throw new MalformedEntryException("line " + line + " has a bad \\u escape");
                    }
                    i += 4;
                }
                default -> throw new MalformedEntryException("line " + line + " has an unknown escape \\" + e);
            }
        }
        return out.toString();
    }
}

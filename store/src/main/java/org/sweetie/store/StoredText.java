package org.sweetie.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Text as the store keeps it: exactly what it was given, in a form a database can hold.
 *
 * <p>SQLite and PostgreSQL hold well-formed Unicode only, and their drivers write a lone UTF-16 surrogate (what a JSON
 * log's escape of U+D800 decodes to) as '?': the partners "a" + U+D800 and "a" + U+DBFF became one account, although
 * their evidence entries told them apart. So the store writes a lone surrogate as the evidence entry does (a
 * backslash, 'u' and four lower-case hex digits; docs/evidence.md, section 2), and therefore a backslash as two;
 * every other character stands as itself. Reading undoes it. Every column of free text (names, text, raw lines,
 * source ids, paths) goes through here, for writing, for comparing and for reading; Sweetie's own tokens (kinds,
 * hashes) do not.
 */
final class StoredText {
    private StoredText() {
    }

    /** The stored form of a value; null stays null. */
    static String of(String text) {
        if (text == null || !needsEscape(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (isLoneSurrogate(text, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The value a text column holds, as it was given to {@link #of}. */
    static String read(ResultSet row, int column) throws SQLException {
        return decode(row.getString(column));
    }

    /** The value a stored form stands for. */
    static String decode(String stored) {
        if (stored == null || stored.indexOf('\\') < 0) {
            return stored;
        }
        StringBuilder out = new StringBuilder(stored.length());
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == '\\' && i + 1 < stored.length() && stored.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else if (c == '\\' && i + 5 < stored.length() && stored.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(stored, i + 2, i + 6, 16));
                i += 5;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\' || isLoneSurrogate(text, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }
}

package org.sweetie.core;

/**
 * Makes text a chat partner controls safe to print on a terminal: control characters (which could move the cursor
 * or recolour the screen) and bidirectional overrides (which could reverse what a reader sees) are shown as
 * {@code \\uXXXX} escapes instead of acting.
 */
public final class Printable {
    private Printable() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A character that acts instead of showing: a control character or a bidirectional override, isolate or mark. */
    public static boolean isUnsafe(char c) {
        return Character.getType(c) == Character.CONTROL
                || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069'
                || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }
}

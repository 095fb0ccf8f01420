package org.sweetie.referral;

import java.util.regex.Pattern;
import org.sweetie.core.Printable;

/**
 * The one way text gets into the referral web pages. Partners write HTML, scripts and {@code javascript:} links:
 * every string goes through {@link #text}, which makes it inert character data in HTML and XML alike, and tags are
 * only ever the pages' own constants. A link can only name a file inside the package folder ({@link #href}).
 */
final class Html {
    /** A relative path of the package's own file names: no scheme, no leading slash, no way up. */
    private static final Pattern OWN_FILE = Pattern.compile("(\\.\\./)?([A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\\.[a-z]+");

    private Html() {
    }

    /**
     * The text as character data: control and direction-override characters shown as escapes (as on a terminal),
     * characters XML does not allow replaced, and {@code & < > " '} escaped, so it is safe in an element and in a
     * quoted attribute.
     */
    static String text(String value) {
        String printable = Printable.of(value);
        StringBuilder out = new StringBuilder(printable.length() + 16);
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (allowedInXml(cp)) {
                        out.appendCodePoint(cp);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    /** A link target: one of the package's own relative file names, refused otherwise. */
    static String href(String relativeFile) {
        if (!OWN_FILE.matcher(relativeFile).matches()) {
            throw new IllegalArgumentException("not a file of the package: " + relativeFile);
        }
        return text(relativeFile);
    }

    private static boolean allowedInXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }
}

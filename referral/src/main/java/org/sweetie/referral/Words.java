package org.sweetie.referral;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How the dossiers write lists, times and countries: as people write them, never as a program prints them. */
final class Words {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Words() {
    }

    /** "a", "a and b", "a, b and c"; "none" for no items. */
    static String list(List<String> items) {
        return switch (items.size()) {
            case 0 -> "none";
            case 1 -> items.getFirst();
            default -> String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
        };
    }

    static String time(Instant time) {
        return TIME.format(time);
    }

    /** "NL (Netherlands)"; a code Java does not know stays as it is. */
    static String country(String code) {
        if (code == null || code.isBlank()) {
            return "not set";
        }
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : code + " (" + name + ")";
    }

    /** "en (English)". */
    static String language(String code) {
        String name = Locale.of(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : code + " (" + name + ")";
    }

    /** "1 message", "2 messages". */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}

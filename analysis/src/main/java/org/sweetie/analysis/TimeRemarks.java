package org.sweetie.analysis;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a partner says of his clock, read against the time the message was sent (UTC): the hour it is where he is
 * ("its 3am here", "hier ist es 22 uhr", "aqui son las 11 de la noche", "bij mij is het 4 uur 's nachts", "ici il est
 * 23h", "u mnie jest 3 w nocy", "у меня 3 часа ночи", "dito alas 3 ng madaling araw"), the part of the day ("here it's
 * morning": counted only when every offset it allows points to one country), and the time zone he names ("10pm EST",
 * "my timezone is AEST", "GMT-5"). Summer time shifts an offset by an hour at most, so only clear offsets count.
 */
final class TimeRemarks {
    static final double HOUR = 0.3;
    static final double PART_OF_DAY = 0.15;
    static final double ZONE = 0.3;

    /** UTC offsets, in half hours, that point to one country more than to any other among likely partners. */
    static final Map<Integer, String> OFFSETS = Map.ofEntries(Map.entry(0, "GB"), Map.entry(-10, "US"),
            Map.entry(-12, "US"), Map.entry(-14, "US"), Map.entry(-16, "US"), Map.entry(-6, "BR"),
            Map.entry(11, "IN"), Map.entry(20, "AU"), Map.entry(22, "AU"), Map.entry(24, "NZ"), Map.entry(26, "NZ"),
            Map.entry(18, "JP"), Map.entry(19, "AU"), Map.entry(-20, "US"), Map.entry(-7, "CA"));

    private static final String H = "(\\d{1,2})(?:[:.h](\\d{2}))?";
    /** Each pattern: group 1 the hour, 2 the minutes, 3 a word for the part of the day (any may be absent). */
    private static final List<Pattern> HOURS = List.of(
            // its 3am here, it's 11:30 pm where i am, its 3 in the morning here
            Pattern.compile("(?<![\\p{L}])(?:it'?s|its|it is)\\s+(?:already\\s+|almost\\s+|nearly\\s+|just\\s+|past\\s+)?"
                    + H + "\\s*(am|pm|in the morning|at night|in the evening|in the afternoon)?(?:\\s*o'?clock)?\\s+"
                    + "(?:here|where i am|over here|in my country|for me|my time|on my side|at my place)(?![\\p{L}])"),
            // 3am here, 11pm for me
            Pattern.compile("(?<![\\p{L}\\d:])" + H + "\\s*(am|pm)\\s+(?:here|where i am|over here|for me|my time)"
                    + "(?![\\p{L}])"),
            // here its 3am, here it is 23:00
            Pattern.compile("(?<![\\p{L}])(?:here|for me|over here|where i am),?\\s+(?:it'?s|its|it is)\\s+"
                    + "(?:already\\s+|almost\\s+|nearly\\s+|just\\s+)?" + H
                    + "\\s*(am|pm|in the morning|at night|in the evening|in the afternoon)?(?![\\p{L}\\d])"),
            // hier ist es 22 uhr, bei mir ist es schon 3 uhr nachts
            Pattern.compile("(?<![\\p{L}])(?:hier|bei mir)\\s+ist es\\s+(?:schon\\s+|gerade\\s+|jetzt\\s+|erst\\s+)?"
                    + H + "\\s*(?:uhr)?(?:\\s+(morgens|fruh|nachts|abends|nachmittags|in der nacht))?(?![\\p{L}\\d])"),
            // aqui son las 11 de la noche, aca son las 3
            Pattern.compile("(?<![\\p{L}])(?:aqui|aca|por aqui)\\s+(?:son|es)\\s+(?:las|la)\\s+" + H
                    + "(?:\\s+de la\\s+(manana|tarde|noche|madrugada))?(?![\\p{L}\\d])"),
            // bij mij is het 4 uur 's nachts, hier is het al 23:00
            Pattern.compile("(?<![\\p{L}])(?:bij mij|hier)\\s+is het\\s+(?:al\\s+|nu\\s+|pas\\s+)?" + H
                    + "\\s*(?:uur)?(?:\\s+('s nachts|'s ochtends|'s morgens|'s middags|'s avonds))?(?![\\p{L}\\d])"),
            // ici il est 23h, chez moi il est 5h du matin
            Pattern.compile("(?<![\\p{L}])(?:ici|chez moi)\\s+il est\\s+(?:deja\\s+)?" + H
                    + "\\s*(?:h|heures?)?(?:\\s+(du matin|du soir|de l'apres-midi))?(?![\\p{L}\\d])"),
            // aqui sao 3 da manha, aqui e 1 hora
            Pattern.compile("(?<![\\p{L}])aqui\\s+(?:sao|e|ja sao)\\s+(?:as\\s+|a\\s+)?" + H
                    + "\\s*(?:h|horas?)?(?:\\s+da\\s+(manha|tarde|noite|madrugada))?(?![\\p{L}\\d])"),
            // qui sono le 3, da me sono le 23
            Pattern.compile("(?<![\\p{L}])(?:qui|da me)\\s+sono le\\s+(?:gia\\s+)?" + H
                    + "(?:\\s+di\\s+(notte|mattina|sera|pomeriggio))?(?![\\p{L}\\d])"),
            // har ar klockan 3, her er klokken 3, her er klokka 3
            Pattern.compile("(?<![\\p{L}])(?:har ar klockan|her er klokken|her er klokka|hos mig ar klockan)\\s+"
                    + H + "(?![\\p{L}\\d])()"),
            // u mnie jest 3 w nocy
            Pattern.compile("(?<![\\p{L}])u mnie jest\\s+(?:juz\\s+)?" + H
                    + "(?:\\s+(w nocy|rano|wieczorem|po poludniu))?(?![\\p{L}\\d])"),
            // у меня 3 часа ночи
            Pattern.compile("(?<![\\p{L}])у меня (?:уже\\s+)?" + H + "(?:\\s+час(?:а|ов)?)?(?:\\s+(ночи|утра|вечера|дня))?"
                    + "(?![\\p{L}\\d])"),
            // dito alas 3 ng madaling araw, alas 11 na ng gabi dito
            Pattern.compile("(?<![\\p{L}])(?:dito|samin|sa amin)\\s+(?:ay\\s+|ngayon\\s+)?alas\\s+" + H
                    + "(?:\\s+na)?(?:\\s+ng\\s+(umaga|gabi|hapon|madaling araw|tanghali))?(?![\\p{L}\\d])"),
            Pattern.compile("(?<![\\p{L}])alas\\s+" + H + "(?:\\s+na)?(?:\\s+ng\\s+(umaga|gabi|hapon|madaling araw|"
                    + "tanghali))?\\s+(?:na\\s+)?(?:dito|samin|sa amin)(?![\\p{L}])"));
    /** Words that anchor a remark about one's own clock: a cheap test before the patterns run. */
    private static final List<String> ANCHORS = List.of("here", "for me", "where i am", "my country", "my time",
            "my side", "my place", "hier", "bei mir", "aqui", "aca", "bij mij", "ici", "chez moi", "qui ", "da me",
            "har ar", "her er", "hos mig", "u mnie", "у меня", "dito", "samin", "sa amin");
    private static final Pattern PART = Pattern.compile("(?<![\\p{L}])(?:(?:here|for me|over here),?\\s+(?:it'?s|its|"
            + "it is)\\s+(?:already\\s+|still\\s+|early\\s+|late\\s+)?(morning|night|evening|afternoon|midnight|noon)"
            + "|(?:it'?s|its|it is)\\s+(?:already\\s+|still\\s+|early\\s+|late\\s+)?(morning|night|evening|afternoon"
            + "|midnight|noon)\\s+(?:here|for me|over here|where i am))(?![\\p{L}])");
    /** "10pm EST", "3 pm ist", "22:00 cet", "my timezone is AEST", "im on pst", "eastern time", "gmt-5". */
    private static final Pattern ZONE_NAME = Pattern.compile("(?<![\\p{L}])(?:(\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm|h)?)"
            + "\\s*|(timezone is|time zone is|timezone|time zone|tz|im on|i'm on|i am on)\\s+)?"
            + "(est|edt|cst|cdt|mst|mdt|pst|pdt|akst|hst|aest|aedt|acst|acdt|awst|nzst|nzdt|ist|bst|gmt|utc|jst|kst"
            + "|sgt|eastern|central|pacific|mountain)(?:\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?)?(\\s+time)?"
            + "(?![\\p{L}\\d])");
    private static final Map<String, String> ZONES = Map.ofEntries(Map.entry("est", "US"), Map.entry("edt", "US"),
            Map.entry("cst", "US"), Map.entry("cdt", "US"), Map.entry("mst", "US"), Map.entry("mdt", "US"),
            Map.entry("pst", "US"), Map.entry("pdt", "US"), Map.entry("akst", "US"), Map.entry("hst", "US"),
            Map.entry("eastern", "US"), Map.entry("central", "US"), Map.entry("pacific", "US"),
            Map.entry("mountain", "US"), Map.entry("aest", "AU"), Map.entry("aedt", "AU"), Map.entry("acst", "AU"),
            Map.entry("acdt", "AU"), Map.entry("awst", "AU"), Map.entry("nzst", "NZ"), Map.entry("nzdt", "NZ"),
            Map.entry("ist", "IN"), Map.entry("bst", "GB"), Map.entry("gmt", "GB"), Map.entry("jst", "JP"),
            Map.entry("kst", "KR"), Map.entry("sgt", "SG"));
    private static final List<String> ZONE_CUES = List.of("est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
            "akst", "hst", "aest", "aedt", "acst", "acdt", "awst", "nzst", "nzdt", "ist", "bst", "gmt", "utc", "jst",
            "kst", "sgt", "eastern time", "central time", "pacific time", "mountain time");

    private TimeRemarks() {
    }

    /** The clues a message gives of his time zone. */
    static List<CountryAttribution.Clue> read(String said, int message, Instant sent) {
        String plain = spokenTimes(said);
        List<CountryAttribution.Clue> clues = null;
        boolean digit = false;
        for (int i = 0; i < plain.length() && !digit; i++) {
            digit = Character.isDigit(plain.charAt(i));
        }
        if ((digit || plain.contains("it")) && anchored(plain)) {
            CountryAttribution.Clue clue = digit ? hour(plain, message, sent) : partOfDay(plain, message, sent);
            if (clue != null) {
                clues = new ArrayList<>(2);
                clues.add(clue);
            }
        }
        if ((digit || plain.contains("time") || plain.contains("tz") || plain.contains("zone")
                || plain.contains("on ")) && containsWord(plain, ZONE_CUES)) {
            CountryAttribution.Clue clue = zone(plain, message);
            if (clue != null) {
                if (clues == null) {
                    clues = new ArrayList<>(1);
                }
                clues.add(clue);
            }
        }
        return clues == null ? List.of() : clues;
    }

    private static boolean anchored(String plain) {
        return containsAny(plain, ANCHORS);
    }

    private static boolean containsAny(String plain, List<String> cues) {
        for (String cue : cues) {
            if (plain.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the cues stands in the text as a word of its own ("est" in "best" does not). */
    private static boolean containsWord(String plain, List<String> cues) {
        for (String cue : cues) {
            int at = plain.indexOf(cue);
            while (at >= 0) {
                int end = at + cue.length();
                if ((at == 0 || !Character.isLetter(plain.charAt(at - 1)))
                        && (end == plain.length() || !Character.isLetter(plain.charAt(end)))) {
                    return true;
                }
                at = plain.indexOf(cue, at + 1);
            }
        }
        return false;
    }

    private static final java.util.Set<Integer> RARE = java.util.Set.of(19, -20, -7);
    private static final Pattern QUARTER_TO = Pattern.compile("quarter to (\\d{1,2})(?!\\d)");
    private static final Pattern QUARTER_PAST = Pattern.compile("quarter past (\\d{1,2})(?!\\d)");
    private static final Pattern HALF = Pattern.compile("half (?:past )?(\\d{1,2})(?!\\d)");

    /** Clock times said in words: "quarter to 11" is 10:45, "half 8" (British) and "half past 8" are 8:30. */
    static String spokenTimes(String plain) {
        if (!plain.contains("quarter") && !plain.contains("half") && !plain.contains("midnight")) {
            return plain;
        }
        String out = plain.replace("half past midnight", "0:30").replace("quarter past midnight", "0:15");
        out = out.replaceAll("(?<![\\p{L}])midnight(?![\\p{L}])", "0:00");
        Matcher m = QUARTER_TO.matcher(out);
        out = m.replaceAll(r -> (Integer.parseInt(r.group(1)) + 23) % 24 + ":45");
        out = QUARTER_PAST.matcher(out).replaceAll("$1:15");
        return HALF.matcher(out).replaceAll("$1:30");
    }

    private static CountryAttribution.Clue hour(String plain, int message, Instant sent) {
        for (Pattern pattern : HOURS) {
            Matcher m = pattern.matcher(plain);
            if (!m.find()) {
                continue;
            }
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            String part = m.groupCount() >= 3 && m.group(3) != null && !m.group(3).isEmpty() ? m.group(3) : null;
            if (hour > 23 || minute > 59 || part != null && (part.equals("am") || part.equals("pm"))
                    && (hour < 1 || hour > 12)) {
                return null;
            }
            // Hawaii, Newfoundland and central Australia are few partners: their offsets count only for a clock said
            // plainly, with its part of the day or its minutes ("1 in the morning", "half 8"), not "its 3 here"
            boolean plainly = part != null || minute != 0;
            int offset = offsetOf(twentyFour(hour, part) * 60 + minute, sent);
            String country = plainly || !RARE.contains(offset) ? OFFSETS.get(offset) : null;
            if (part == null && hour >= 1 && hour < 12) {
                // "it's half 8 here" says neither morning nor evening: count it when only one of them fits
                int evening = offsetOf((hour + 12) * 60 + minute, sent);
                String other = plainly || !RARE.contains(evening) ? OFFSETS.get(evening) : null;
                if (country == null && other != null) {
                    offset = evening;
                    country = other;
                } else if (country != null && other != null && !other.equals(country)) {
                    return null;
                }
            }
            return country == null ? null : new CountryAttribution.Clue(country, HOUR, "says it is "
                    + m.group().strip() + " (UTC" + (offset >= 0 ? "+" : "") + offset / 2.0 + ")", message);
        }
        return null;
    }

    /** The hour on a 24-hour clock, from the hour said and the word for the part of the day that came with it. */
    static int twentyFour(int hour, String part) {
        if (part == null || hour > 12) {
            return hour;
        }
        return switch (part) {
            case "am", "in the morning", "morgens", "fruh", "manana", "madrugada", "du matin", "'s ochtends",
                 "'s morgens", "manha", "mattina", "rano", "утра", "umaga", "madaling araw" -> hour % 12;
            case "pm", "in the evening", "in the afternoon", "abends", "nachmittags", "tarde", "du soir",
                 "de l'apres-midi", "'s middags", "'s avonds", "sera", "pomeriggio", "wieczorem", "po poludniu",
                 "вечера", "дня", "gabi", "hapon", "tanghali" -> hour % 12 + 12;
            // at night: 11 at night is 23, 3 at night is 3
            default -> hour >= 6 && hour < 12 ? hour + 12 : hour % 12;
        };
    }

    /** His offset from UTC in half hours, between -12 and +13 hours, from his clock and the message's time. */
    /** His offset in half hours from his clock in minutes: "10:45" at 17:14 UTC is +5:30, not +6. */
    private static int offsetOf(int localMinutes, Instant sent) {
        var utc = sent.atZone(ZoneOffset.UTC);
        int difference = localMinutes - (utc.getHour() * 60 + utc.getMinute());
        return Math.floorMod(Math.round(difference / 30f) + 24, 48) - 24;
    }

    private static int offset(int localHalfHours, Instant sent) {
        var utc = sent.atZone(ZoneOffset.UTC);
        int utcHalfHours = utc.getHour() * 2 + Math.round(utc.getMinute() / 30f);
        return Math.floorMod(localHalfHours - utcHalfHours + 24, 48) - 24;
    }

    /** "here it's morning": every whole-hour offset that makes it so must point to one country. */
    private static CountryAttribution.Clue partOfDay(String plain, int message, Instant sent) {
        Matcher m = PART.matcher(plain);
        if (!m.find()) {
            return null;
        }
        String part = m.group(1) != null ? m.group(1) : m.group(2);
        int[] hours = switch (part) {
            case "morning" -> new int[] {6, 11};
            case "afternoon" -> new int[] {12, 17};
            case "evening" -> new int[] {18, 21};
            case "night" -> new int[] {22, 28};
            case "midnight" -> new int[] {23, 25};
            default -> new int[] {11, 13};
        };
        String country = null;
        for (int h = hours[0]; h <= hours[1]; h++) {
            String candidate = OFFSETS.get(offset((h % 24) * 2, sent));
            if (candidate == null || country != null && !country.equals(candidate)) {
                return null;
            }
            country = candidate;
        }
        return country == null ? null : new CountryAttribution.Clue(country, PART_OF_DAY, "says it is "
                + m.group().strip(), message);
    }

    private static CountryAttribution.Clue zone(String plain, int message) {
        Matcher m = ZONE_NAME.matcher(plain);
        while (m.find()) {
            String zone = m.group(3);
            boolean timed = m.group(1) != null && !m.group(1).isBlank();
            boolean named = m.group(2) != null || m.group(7) != null;
            boolean withOffset = m.group(4) != null && (zone.equals("gmt") || zone.equals("utc"));
            if (!timed && !named && !withOffset) {
                continue; // "est" and "ist" are words in French and German: a time or "time zone" must come with it
            }
            if (zone.equals("eastern") || zone.equals("central") || zone.equals("pacific")
                    || zone.equals("mountain")) {
                if (m.group(7) == null) {
                    continue;
                }
            }
            String country;
            if (withOffset) {
                int hours = Integer.parseInt(m.group(5));
                int minutes = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
                int half = (hours * 2 + Math.round(minutes / 30f)) * (m.group(4).equals("-") ? -1 : 1);
                country = OFFSETS.get(half);
            } else {
                country = ZONES.get(zone);
            }
            if (country != null) {
                return new CountryAttribution.Clue(country, ZONE, "time zone " + m.group().strip(), message);
            }
        }
        return null;
    }
}

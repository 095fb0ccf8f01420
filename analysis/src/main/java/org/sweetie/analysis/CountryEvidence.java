package org.sweetie.analysis;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sweetie.core.Identifier;

/**
 * What points to the partner's country, gathered message by message: phone country codes, the place he says he
 * lives in, currencies other than the persona's, and the language he writes. Each clue has a weight; the answer
 * is the country with the most weight, with the share of the weight as confidence and every clue listed.
 */
final class CountryEvidence {
    private static final double PHONE = 0.9;
    private static final double PLACE = 0.7;
    private static final double CURRENCY = 0.4;
    private static final double LANGUAGE = 0.2;
    /** Currencies that name a country. Pesos are left out: offenders offer the child's own currency. */
    private static final Map<Pattern, String> CURRENCIES = Map.of(
            Pattern.compile("£|(?<![\\p{L}])(?:gbp|pounds?|quid)(?![\\p{L}])"), "GB",
            Pattern.compile("(?<![\\p{L}])(?:aud|aussie dollars?)(?![\\p{L}])"), "AU",
            Pattern.compile("(?<![\\p{L}])(?:cad|canadian dollars?)(?![\\p{L}])"), "CA",
            Pattern.compile("₹|(?<![\\p{L}])(?:inr|rupees?)(?![\\p{L}])"), "IN",
            Pattern.compile("(?<![\\p{L}])(?:usd|us dollars?)(?![\\p{L}])"), "US",
            Pattern.compile("(?<![\\p{L}])(?:sek|kronor)(?![\\p{L}])"), "SE",
            Pattern.compile("(?<![\\p{L}])(?:dkk|kroner)(?![\\p{L}])"), "DK",
            Pattern.compile("(?<![\\p{L}])(?:pln|zloty|zl)(?![\\p{L}])"), "PL");
    /** Words only one of the languages uses, and the country most of its speakers online write from. */
    private static final Map<String, String> LANGUAGE_WORDS = languageWords();

    private static Map<String, String> languageWords() {
        Map<String, String> words = new HashMap<>();
        for (String w : List.of("ik", "niet", "het", "een", "ben", "wil", "jij", "meisje", "hoe", "heb", "jou")) {
            words.put(w, "NL");
        }
        for (String w : List.of("ich", "du", "nicht", "bist", "und", "mit", "dich", "hast", "bitte", "mich")) {
            words.put(w, "DE");
        }
        for (String w : List.of("tengo", "quiero", "estas", "eres", "tienes", "hola", "gusta", "pero", "nada")) {
            words.put(w, "ES");
        }
        for (String w : List.of("pas", "suis", "toi", "salut", "avec", "moi", "veux", "tres", "oui")) {
            words.put(w, "FR");
        }
        for (String w : List.of("voce", "nao", "tem", "quero", "oi", "tenho", "muito", "gostosa", "sim")) {
            words.put(w, "BR");
        }
        return Map.copyOf(words);
    }

    private static final double CONNECTION = 0.8;
    private static final double TIME_ZONE = 0.3;
    /** "it's 3am here", "its 11 pm where i am": the clock where he is. */
    private static final Pattern LOCAL_TIME = Pattern.compile("(?<![\\p{L}])(?:it'?s|its|it is)\\s+(\\d{1,2})"
            + "(?::(\\d{2}))?\\s*(am|pm)?\\s+(?:here|where i am|over here|in my country|for me)(?![\\p{L}])");
    /** UTC offsets, in half hours, that point to one country more than to any other among likely partners. */
    private static final Map<Integer, String> OFFSETS = Map.ofEntries(Map.entry(0, "GB"), Map.entry(-10, "US"),
            Map.entry(-12, "US"), Map.entry(-14, "US"), Map.entry(-16, "US"), Map.entry(-6, "BR"),
            Map.entry(11, "IN"), Map.entry(20, "AU"), Map.entry(22, "AU"), Map.entry(24, "NZ"), Map.entry(26, "NZ"),
            Map.entry(18, "JP"));
    private static final double IP_IN_TEXT = 0.6;

    private final Gazetteer gazetteer;
    private final Supplier<IpCountries> ipCountries;
    private final Set<String> addressesSeen = new HashSet<>();
    private final List<CountryAttribution.Clue> clues = new ArrayList<>();
    private final Map<String, Boolean> languagesSeen = new LinkedHashMap<>();
    /** The last answer and how many clues it weighed: asked for at every message, it changes only with a clue. */
    private CountryAttribution answer;
    private int answeredFor;

    CountryEvidence(Gazetteer gazetteer, Supplier<IpCountries> ipCountries) {
        this.gazetteer = gazetteer;
        this.ipCountries = ipCountries;
    }

    /** An address the partner connected from (message -1: it is not in a message). Each address counts once. */
    void sawAddress(String ipv4) {
        if (addressesSeen.add(ipv4)) {
            ipCountries.get().country(ipv4).ifPresent(country -> add(new CountryAttribution.Clue(country,
                    CONNECTION, "connects from " + ipv4 + " (DB-IP)", -1)));
        }
    }

    void read(String plain, List<Identifier> identifiers, int message, Instant sent) {
        readLocalTime(plain, message, sent);
        for (Identifier identifier : identifiers) {
            switch (identifier.type()) {
                case PHONE -> regionOf(identifier.normalized()).ifPresent(country ->
                        add(new CountryAttribution.Clue(country, PHONE, "phone " + identifier.normalized(), message)));
                case LOCATION -> gazetteer.country(identifier.value()).ifPresent(country -> add(
                        new CountryAttribution.Clue(country, PLACE, "lives in " + identifier.value(), message)));
                case IP -> ipCountries.get().country(identifier.normalized()).ifPresent(country ->
                        add(new CountryAttribution.Clue(country, IP_IN_TEXT, "ip " + identifier.normalized()
                                + " (DB-IP)", message)));
                default -> { }
            }
        }
        if (mayNameCurrency(plain)) {
            for (var currency : CURRENCIES.entrySet()) {
                Matcher m = currency.getKey().matcher(plain);
                if (m.find()) {
                    add(new CountryAttribution.Clue(currency.getValue(), CURRENCY,
                            "currency '" + m.group() + "'", message));
                }
            }
        }
        readLanguage(plain, message);
    }

    /**
     * The hour he says it is, against the time the message was sent, gives his UTC offset; a few offsets point to one
     * likely country. Summer time shifts the answer by an hour at most, so only clear offsets count.
     */
    private void readLocalTime(String plain, int message, Instant sent) {
        if (!plain.contains("here") && !plain.contains("for me") && !plain.contains("country")) {
            return;
        }
        Matcher m = LOCAL_TIME.matcher(plain);
        if (!m.find()) {
            return;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (hour > 23 || minute > 59 || m.group(3) != null && (hour < 1 || hour > 12)) {
            return;
        }
        if (m.group(3) != null) {
            hour = hour % 12 + (m.group(3).equals("pm") ? 12 : 0);
        }
        var utc = sent.atZone(ZoneOffset.UTC);
        int localHalfHours = hour * 2 + Math.round(minute / 30f);
        int utcHalfHours = utc.getHour() * 2 + Math.round(utc.getMinute() / 30f);
        int offset = Math.floorMod(localHalfHours - utcHalfHours + 24, 48) - 24;
        String country = OFFSETS.get(offset);
        if (country != null) {
            add(new CountryAttribution.Clue(country, TIME_ZONE, "says it is " + m.group().strip()
                    + " (UTC" + (offset >= 0 ? "+" : "") + offset / 2.0 + ")", message));
        }
    }

    /** A clue counts once: the same number or place said again adds nothing. */
    private void add(CountryAttribution.Clue clue) {
        for (CountryAttribution.Clue known : clues) {
            if (known.country().equals(clue.country()) && known.reason().equals(clue.reason())) {
                return;
            }
        }
        clues.add(clue);
    }

    /** A currency is named next to an amount, or by its sign. */
    private static boolean mayNameCurrency(String plain) {
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (Character.isDigit(c) || c == '£' || c == '₹') {
                return true;
            }
        }
        return false;
    }

    /** Two words of one language in a message make it that language's; each language counts once. */
    private void readLanguage(String plain, int message) {
        Map<String, Integer> hits = new HashMap<>();
        int i = 0;
        while (i < plain.length()) {
            while (i < plain.length() && !Character.isLetter(plain.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < plain.length() && Character.isLetter(plain.charAt(i))) {
                i++;
            }
            String language = i > start ? LANGUAGE_WORDS.get(plain.substring(start, i)) : null;
            if (language != null && !languagesSeen.containsKey(language) && hits.merge(language, 1, Integer::sum) == 2) {
                languagesSeen.put(language, true);
                add(new CountryAttribution.Clue(language, LANGUAGE, "writes " + languageName(language),
                        message));
            }
        }
    }

    CountryAttribution attribution() {
        if (clues.size() != answeredFor) {
            answer = weigh();
            answeredFor = clues.size();
        }
        return answer;
    }

    private CountryAttribution weigh() {
        if (clues.isEmpty()) {
            return null;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        clues.forEach(c -> weights.merge(c.country(), c.weight(), Double::sum));
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        var best = weights.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        // Sure in proportion to the share of the evidence, and never sure on a single weak clue.
        double confidence = best.getValue() / total * Math.min(1.0, total);
        List<CountryAttribution.Clue> ranked = clues.stream().sorted(Comparator.comparingDouble(CountryAttribution.Clue::weight).reversed()).toList();
        return new CountryAttribution(best.getKey(), Math.round(confidence * 100) / 100.0, ranked);
    }

    static Optional<String> regionOf(String e164) {
        var phones = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        try {
            String region = phones.getRegionCodeForCountryCode(phones.parse(e164, "ZZ").getCountryCode());
            return region == null || region.equals("ZZ") ? Optional.empty() : Optional.of(region);
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return Optional.empty();
        }
    }

    private static String languageName(String country) {
        return switch (country) {
            case "NL" -> "Dutch";
            case "DE" -> "German";
            case "ES" -> "Spanish";
            case "FR" -> "French";
            default -> "Portuguese";
        };
    }

}

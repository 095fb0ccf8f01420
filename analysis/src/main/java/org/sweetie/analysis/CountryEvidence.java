package org.sweetie.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.sweetie.core.Identifier;

/**
 * What points to the partner's country, gathered message by message: phone numbers, the addresses he connects from,
 * the places he names (where he lives, where he is, his nationality; see {@link PlaceReader}), what he says of his
 * clock and time zone ({@link TimeRemarks}), currencies other than the persona's, and the language he writes. Each
 * clue has a weight; each country's score adds, for each kind of clue, the strongest clue of that kind (a second
 * clue of a kind adds a little), so three currency remarks never outweigh a stated home or a phone. The answer is
 * the country with the highest score, with its share of all the scores as confidence and every clue listed.
 */
final class CountryEvidence {
    private static final double PHONE = 0.9;
    private static final double CONNECTION = 0.8;
    private static final double IP_IN_TEXT = 0.6;
    private static final double CURRENCY = 0.4;
    private static final double LANGUAGE = 0.2;
    /** Different words of one language over his messages that make it his language. */
    private static final int OVER_MESSAGES = 3;
    /** A country's flag he puts in his own line ("your sponsor from Stavanger 🇳🇴"); the persona's own is left out. */
    private static final double FLAG = 0.4;
    /** What each further clue of a kind adds to a country's score, and the most all of them add. */
    private static final double MORE_OF_A_KIND = 0.05;
    private static final double MORE_OF_A_KIND_AT_MOST = 0.1;

    /** The kinds of clue: within a kind the strongest counts. */
    private enum Kind { PHONE, ADDRESS, PLACE, TIME, CURRENCY, LANGUAGE }

    /**
     * Currencies that name a country, by word (after a number is in the message). Pesos, euros, "bucks" and plain
     * dollars are left out: offenders offer the child's own currency, and the others are shared.
     */
    private static final Map<String, String> CURRENCY_WORDS = folded(Map.ofEntries(
            Map.entry("gbp", "GB"), Map.entry("pound", "GB"), Map.entry("pounds", "GB"), Map.entry("quid", "GB"),
            Map.entry("aud", "AU"), Map.entry("cad", "CA"), Map.entry("inr", "IN"), Map.entry("rupee", "IN"),
            Map.entry("rupees", "IN"), Map.entry("rs", "IN"), Map.entry("usd", "US"), Map.entry("sek", "SE"),
            Map.entry("kronor", "SE"), Map.entry("dkk", "DK"), Map.entry("nok", "NO"),
            Map.entry("pln", "PL"), Map.entry("zloty", "PL"), Map.entry("zl", "PL"), Map.entry("zlotych", "PL"),
            Map.entry("zł", "PL"), Map.entry("złotych", "PL"), Map.entry("mxn", "MX"), Map.entry("blik", "PL"),
            Map.entry("zar", "ZA"), Map.entry("rand", "ZA"), Map.entry("rands", "ZA"), Map.entry("chf", "CH"),
            Map.entry("franc", "CH"), Map.entry("francs", "CH"), Map.entry("franken", "CH"), Map.entry("franke", "CH"),
            Map.entry("stutz", "CH"), Map.entry("nzd", "NZ"),
            Map.entry("brl", "BR"), Map.entry("reais", "BR"), Map.entry("real", "BR"), Map.entry("jpy", "JP"),
            Map.entry("yen", "JP"), Map.entry("rub", "RU"), Map.entry("rubles", "RU"), Map.entry("roubles", "RU"),
            Map.entry("рублей", "RU"), Map.entry("рубля", "RU"), Map.entry("sgd", "SG"), Map.entry("hkd", "HK"),
            Map.entry("myr", "MY"), Map.entry("ringgit", "MY"), Map.entry("aed", "AE"), Map.entry("dirhams", "AE"),
            Map.entry("руб", "RU"), Map.entry("рубль", "RU"), Map.entry("rubley", "RU"), Map.entry("rublei", "RU")));
    /** "aussie dollars", "us dollars", "swiss francs": a word before "dollars" or "francs" that names the country. */
    private static final Map<String, String> DOLLAR_QUALIFIERS = folded(Map.ofEntries(Map.entry("aussie", "AU"),
            Map.entry("australian", "AU"), Map.entry("canadian", "CA"), Map.entry("us", "US"),
            Map.entry("american", "US"), Map.entry("nz", "NZ"), Map.entry("kiwi", "NZ"), Map.entry("swiss", "CH"),
            Map.entry("singapore", "SG"), Map.entry("hk", "HK")));
    /** "pesos mexicanos", "mexican pesos": the qualified peso is the partner's own. */
    private static final Map<String, String> PESO_QUALIFIED = folded(Map.of("pesos mexicanos", "MX",
            "mexican pesos", "MX", "pesos argentinos", "AR", "argentine pesos", "AR", "pesos chilenos", "CL",
            "pesos colombianos", "CO"));
    /** Words that need a number right before them to be a currency ("real" and "franc" are words too). */
    private static final Set<String> NEEDS_AMOUNT = Set.of("real", "franc", "rand", "rs", "zl", "pound", "yen");
    /** Words only one of the languages uses, and the country most of its speakers online write from. */
    private static final Map<String, String> LANGUAGE_WORDS = languageWords();

    private static Map<String, String> languageWords() {
        Map<String, String> words = new HashMap<>();
        put(words, "NL", "ik", "niet", "het", "een", "ben", "wil", "jij", "meisje", "hoe", "heb", "jou",
                "wat", "mijn", "maar", "ook", "nog", "doe", "meer", "graag", "jouw");
        put(words, "DE", "ich", "du", "nicht", "bist", "und", "mit", "dich", "hast", "bitte", "mich", "ist", "auch",
                "aber", "mir", "dir", "kannst", "willst", "noch", "schon");
        put(words, "ES", "tengo", "quiero", "estas", "eres", "tienes", "hola", "gusta", "pero", "nada");
        put(words, "FR", "pas", "suis", "toi", "salut", "avec", "moi", "veux", "tres", "oui");
        put(words, "BR", "voce", "nao", "tem", "quero", "oi", "tenho", "muito", "gostosa", "sim");
        put(words, "IT", "sono", "ciao", "voglio", "anni", "dove", "molto", "ragazza", "perche", "bella", "hai",
                "sei", "che", "fai", "dai", "gli", "della", "cosa", "quanti", "quanto", "anche", "tutto", "dopo",
                "qui", "vuoi", "posso", "possiamo", "facciamo", "bambina", "carina", "piccola", "grazie", "adesso");
        put(words, "SE", "jag", "inte", "och", "hur", "tjej", "gammal", "vill", "vad", "klass",
                "eller", "skicka", "bild", "inget", "nagot", "mycket", "bara", "kul", "ocksa");
        put(words, "DK", "hvad", "pige", "noget", "hvordan", "gammel", "lige", "rigtig", "meget", "sød", "nogen",
                "fedt", "hvorfor");
        put(words, "NO", "hva", "jente", "noe", "hvordan", "ikkje", "gammel", "deg", "meg", "bare",
                "etterpa", "altsa", "hei", "noen", "gjør", "kjempe", "hvorfor");
        put(words, "PL", "jestem", "masz", "chcesz", "dziewczyna", "bardzo", "gdzie", "czy", "jak", "mnie",
                "ile", "jestes", "przepraszam", "dzięki", "cześć", "siema", "możesz", "pokaż", "pokażesz", "teraz",
                "dobrze", "wiem", "też", "już", "dzień", "grasz", "piszesz");
        put(words, "RU", "привет", "хочу", "тебе", "лет", "мне", "ты", "как", "есть", "не", "что", "это", "нет",
                "очень", "спасибо", "пока", "где", "сколько", "меня", "тебя", "privet", "poka", "kak", "tebya", "menya",
                "hochu", "khochu", "davai", "spasibo", "horosho", "khorosho", "skolko");
        // Tagalog's function words, not the few words foreigners pick up ("po", "ganda", "mahal")
        put(words, "PH", "ang", "ng", "mga", "naman", "kung", "hindi", "ito", "yung", "dito", "kayo", "natin",
                "namin", "lang", "sa", "nga", "kaayo", "unsa", "diri", "karon", "pirmi", "gyud", "jud", "bitaw");
        return Map.copyOf(words);
    }

    private static void put(Map<String, String> words, String country, String... list) {
        for (String w : list) {
            // a word two languages share ("hvordan", "gammel") says neither
            words.merge(Normalized.of(w).plain(), country, (a, b) -> "");
        }
    }

    /**
     * A table keyed as the text it is looked up in: lower case, accents removed ("рублей" is read as "рублеи"; the
     * "ł" of "złotych" is a letter of its own and stays).
     */
    private static Map<String, String> folded(Map<String, String> table) {
        Map<String, String> folded = new HashMap<>();
        table.forEach((word, country) -> folded.merge(Normalized.of(word).plain(), country, (a, b) -> {
            if (!a.equals(b)) {
                throw new IllegalStateException("'" + word + "' reads as another word of the table: " + a + " or " + b);
            }
            return a;
        }));
        return Map.copyOf(folded);
    }

    /** Canada's area codes in the North American plan: the rest of +1 without a country of its own is the US. */
    private static final Set<String> CANADIAN_AREA_CODES = Set.of("204", "226", "236", "249", "250", "263", "289",
            "306", "343", "354", "365", "367", "368", "382", "403", "416", "418", "428", "431", "437", "438", "450",
            "468", "474", "506", "514", "519", "548", "579", "581", "584", "587", "604", "613", "639", "647", "672",
            "683", "705", "709", "742", "753", "778", "780", "782", "807", "819", "825", "867", "873", "879", "902",
            "905");

    private record Entry(CountryAttribution.Clue clue, Kind kind) {
    }

    private final PlaceReader places;
    private final Supplier<IpCountries> ipCountries;
    private final Set<String> addressesSeen = new HashSet<>();
    private final List<Entry> clues = new ArrayList<>();
    private final Set<String> languagesSeen = new HashSet<>();
    /** Per language not counted yet, its different words he wrote so far. */
    private final Map<String, Set<String>> languageWordsSeen = new HashMap<>();
    /** The last answer and how many clues it weighed: asked for at every message, it changes only with a clue. */
    private CountryAttribution answer;
    private int answeredFor;

    CountryEvidence(Gazetteer gazetteer, Supplier<IpCountries> ipCountries) {
        this.places = new PlaceReader(gazetteer);
        this.ipCountries = ipCountries;
    }

    /** An address the partner connected from (message -1: it is not in a message). Each address counts once. */
    void sawAddress(String ipv4) {
        if (addressesSeen.add(ipv4)) {
            ipCountries.get().country(ipv4).ifPresent(country -> add(new CountryAttribution.Clue(country,
                    CONNECTION, "connects from " + ipv4 + " (DB-IP)", -1), Kind.ADDRESS));
        }
    }

    void read(String plain, List<Identifier> identifiers, int message, Instant sent) {
        for (CountryAttribution.Clue clue : TimeRemarks.read(plain, message, sent)) {
            add(clue, Kind.TIME);
        }
        for (PlaceReader.Mention mention : places.read(plain)) {
            add(new CountryAttribution.Clue(mention.country(), mention.weight(), mention.reason(), message),
                    Kind.PLACE);
        }
        for (Identifier identifier : identifiers) {
            switch (identifier.type()) {
                case PHONE -> regionOf(identifier.normalized()).ifPresent(country ->
                        add(new CountryAttribution.Clue(country, PHONE, "phone " + identifier.normalized(), message),
                                Kind.PHONE));
                case IP -> ipCountries.get().country(identifier.normalized()).ifPresent(country ->
                        add(new CountryAttribution.Clue(country, IP_IN_TEXT, "ip " + identifier.normalized()
                                + " (DB-IP)", message), Kind.ADDRESS));
                default -> { }
            }
        }
        if (plain.indexOf('\uD83C') >= 0) { // the high surrogate of every regional indicator letter
            readFlags(plain, message);
        }
        if (mayNameCurrency(plain)) {
            readCurrencies(plain, message);
        }
        readLanguage(plain, message);
    }

    /** A clue counts once: the same number or place said again adds nothing. */
    private void add(CountryAttribution.Clue clue, Kind kind) {
        for (Entry known : clues) {
            if (known.clue().country().equals(clue.country()) && known.clue().reason().equals(clue.reason())) {
                return;
            }
        }
        clues.add(new Entry(clue, kind));
    }

    private void readFlags(String plain, int message) {
        for (int i = 0; i + 3 < plain.length(); i++) {
            int first = plain.codePointAt(i);
            if (first < 0x1F1E6 || first > 0x1F1FF) {
                continue;
            }
            int second = plain.codePointAt(i + 2);
            if (second >= 0x1F1E6 && second <= 0x1F1FF) {
                String country = "" + (char) ('A' + first - 0x1F1E6) + (char) ('A' + second - 0x1F1E6);
                if (!country.equals("PH")) {
                    add(new CountryAttribution.Clue(country, FLAG, "flag " + plain.substring(i, i + 4), message),
                            Kind.PLACE);
                }
                i += 3;
            }
        }
    }

    /** A currency is named next to an amount, or by its sign. */
    private static boolean mayNameCurrency(String plain) {
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (Character.isDigit(c) || c == '£' || c == '₹' || c == '₽') {
                return true;
            }
        }
        return false;
    }

    private void readCurrencies(String plain, int message) {
        if (plain.indexOf('£') >= 0) {
            add(new CountryAttribution.Clue("GB", CURRENCY, "currency '£'", message), Kind.CURRENCY);
        }
        if (plain.indexOf('₹') >= 0) {
            add(new CountryAttribution.Clue("IN", CURRENCY, "currency '₹'", message), Kind.CURRENCY);
        }
        if (plain.indexOf('₽') >= 0) {
            add(new CountryAttribution.Clue("RU", CURRENCY, "currency '₽'", message), Kind.CURRENCY);
        }
        if (plain.contains("s$")) {
            add(new CountryAttribution.Clue("SG", CURRENCY, "currency 's$'", message), Kind.CURRENCY);
        }
        if (plain.contains("r$")) {
            add(new CountryAttribution.Clue("BR", CURRENCY, "currency 'r$'", message), Kind.CURRENCY);
        }
        int i = 0;
        String previous = null;
        boolean afterNumber = false;
        while (i < plain.length()) {
            char c = plain.charAt(i);
            if (!Character.isLetter(c)) {
                if (Character.isDigit(c)) {
                    afterNumber = true;
                    previous = null;
                } else if (c != ' ' && c != '.' && c != ',') {
                    afterNumber = false;
                }
                i++;
                continue;
            }
            int start = i;
            while (i < plain.length() && Character.isLetter(plain.charAt(i))) {
                i++;
            }
            String word = plain.substring(start, i);
            String country = CURRENCY_WORDS.get(word);
            String said = word;
            if (country != null && NEEDS_AMOUNT.contains(word) && !afterNumber) {
                country = null;
            }
            if (country == null && previous != null && (word.startsWith("dollar") || word.startsWith("franc"))) {
                country = DOLLAR_QUALIFIERS.get(previous);
                said = previous + " " + word;
            }
            if (country == null && previous != null) {
                country = PESO_QUALIFIED.get(previous + " " + word);
                said = previous + " " + word;
            }
            if (country != null) {
                add(new CountryAttribution.Clue(country, CURRENCY, "currency '" + said + "'", message),
                        Kind.CURRENCY);
            }
            afterNumber = false;
            previous = word;
        }
    }

    /**
     * Two words of one language in a message ("ich bin", "hei hei") make it that language's; so do three different
     * ones over his messages ("ciao" ... "sono stanco" ... "dove sei"), where two could be the odd "wat" and "ben" of
     * an English talker. Each language counts once.
     */
    private void readLanguage(String plain, int message) {
        Map<String, Integer> inMessage = null;
        int i = 0;
        while (i < plain.length()) {
            while (i < plain.length() && !Character.isLetter(plain.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < plain.length() && Character.isLetter(plain.charAt(i))) {
                i++;
            }
            if (i == start) {
                continue;
            }
            String word = plain.substring(start, i);
            String language = LANGUAGE_WORDS.get(word);
            if (language == null || language.isEmpty() || languagesSeen.contains(language)) {
                continue;
            }
            if (inMessage == null) {
                inMessage = new HashMap<>();
            }
            Set<String> seen = languageWordsSeen.computeIfAbsent(language, l -> new HashSet<>());
            seen.add(word);
            if (inMessage.merge(language, 1, Integer::sum) == 2 || seen.size() == OVER_MESSAGES) {
                languagesSeen.add(language);
                languageWordsSeen.remove(language);
                add(new CountryAttribution.Clue(language, LANGUAGE, "writes " + languageName(language), message),
                        Kind.LANGUAGE);
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
        Map<String, Map<Kind, double[]>> byCountry = new LinkedHashMap<>();
        for (Entry entry : clues) {
            double[] kind = byCountry.computeIfAbsent(entry.clue().country(), c -> new EnumMap<>(Kind.class))
                    .computeIfAbsent(entry.kind(), k -> new double[2]);
            kind[0] = Math.max(kind[0], entry.clue().weight());
            kind[1]++;
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        byCountry.forEach((country, kinds) -> scores.put(country, kinds.values().stream()
                .mapToDouble(k -> k[0] + Math.min(MORE_OF_A_KIND_AT_MOST, (k[1] - 1) * MORE_OF_A_KIND)).sum()));
        double total = scores.values().stream().mapToDouble(Double::doubleValue).sum();
        // the highest score; on a tie (within rounding) the country of the strongest single clue, then the first
        String best = null;
        for (var score : scores.entrySet()) {
            if (best == null || score.getValue() > scores.get(best) + 1e-9
                    || Math.abs(score.getValue() - scores.get(best)) <= 1e-9
                    && strongest(score.getKey()) > strongest(best)) {
                best = score.getKey();
            }
        }
        // Sure in proportion to the share of the evidence, and never sure on a single weak clue.
        double confidence = scores.get(best) / total * Math.min(1.0, total);
        List<CountryAttribution.Clue> ranked = clues.stream().map(Entry::clue)
                .sorted(Comparator.comparingDouble(CountryAttribution.Clue::weight).reversed()).toList();
        return new CountryAttribution(best, Math.round(confidence * 100) / 100.0, ranked);
    }

    private double strongest(String country) {
        double max = 0;
        for (Entry entry : clues) {
            if (entry.clue().country().equals(country)) {
                max = Math.max(max, entry.clue().weight());
            }
        }
        return max;
    }

    /**
     * The country of a number in E.164: its region when libphonenumber knows the number; for +1 numbers it does not
     * know (the fictional 555-01xx ones), Canada for Canadian area codes, else the US.
     */
    static Optional<String> regionOf(String e164) {
        var phones = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        try {
            var number = phones.parse(e164, "ZZ");
            // asking which region a number is valid in costs far more than the country code's main country
            // (+44 is also Jersey and the Isle of Man, +61 Christmas Island: the main country stands for them)
            String region = number.getCountryCode() == 1 ? null
                    : phones.getRegionCodeForCountryCode(number.getCountryCode());
            if (region == null || region.equals("ZZ")) {
                if (number.getCountryCode() == 1) {
                    String national = String.valueOf(number.getNationalNumber());
                    region = national.length() == 10 && CANADIAN_AREA_CODES.contains(national.substring(0, 3))
                            ? "CA" : "US";
                } else {
                    region = phones.getRegionCodeForCountryCode(number.getCountryCode());
                }
            }
            return region == null || region.equals("ZZ") || region.equals("001") ? Optional.empty()
                    : Optional.of(region);
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
            case "IT" -> "Italian";
            case "SE" -> "Swedish";
            case "DK" -> "Danish";
            case "NO" -> "Norwegian";
            case "PL" -> "Polish";
            case "RU" -> "Russian";
            case "PH" -> "Tagalog";
            default -> "Portuguese";
        };
    }

}

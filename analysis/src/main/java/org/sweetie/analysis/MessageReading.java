package org.sweetie.analysis;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one message says, before the conversation's state decides what it means: which kinds of talk it holds
 * (with the span of the first), whether it is protective, whether it names an amount of money, an age under 18, or
 * asks for an age.
 */
final class MessageReading {
    private static final Pattern AMOUNT = Pattern.compile(
            "(?:[$€£₱¥]\\s?\\d+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?\\s?(?:\\$|€|£|₱|usd|dollars?|dolares|dolar|bucks|eur|euros?|gbp|"
                    + "pounds?|php|pesos?|piso|aud|cad|inr|rupees?|reais|real|sek|kronor|dkk|kroner|nok|pln|zloty|zł|zl|złotych|"
                    + "zlotych|złote|zlote|rub|руб|рублей|рублеи|рубля|рубль|rubley|rubles?)"
                    + "(?![\\p{L}]))|\\$\\$|[💵💰💸🤑💲]");
    private static final Pattern AGE_CUE = Pattern.compile(
            "(?<![\\p{L}])(?:i'?m|i am|am|age|edad|yo|y/o|y\\.o|yrs?|years?|taon|taong|jaar|jahre|ans|anos|ano|"
                    + "tengo|ik ben|ich bin|j'ai|tenho|ako ay|po|f|anyos|anos|na ako|lang ako)(?![\\p{L}])");
    /** Her school grade said as an ordinal at the end of a short answer: "5th po", "yes 6th po", not "2nd place". */
    private static final Pattern ORDINAL_GRADE = Pattern.compile("(?<![\\d\\p{L}])([1-8](?:st|nd|rd|th))"
            + "(?:\\s+(?:grade|gr|class|yr|year))?(?:\\s+(?:po|na|ako|lang|yes|opo))*\\s*[.!?]*$");
    /** A child who chats is at least this old: "2 cats po" is no age. */
    private static final int YOUNGEST = 5;
    /** A number that may be an age: not a price, not a clock time ("10am", "5 pm", "10:30", "3h"). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,$€£₱:/])(\\d{1,2})(?![\\d%$€£₱:]|[.,]\\d"
            + "|\\s?(?:am|pm|a\\.m|p\\.m|h|hr|hrs|uhr|min|mins|o'?clock|noon|midnight|ng umaga|ng gabi|ng hapon|ng tanghali|ng madaling araw|st|nd|rd|th)(?![\\p{L}])|\\s?/\\s?\\d)");
    private static final Pattern AGE_QUESTION = Pattern.compile(
            "how old|how many years|(?<![\\p{L}])(?:asl|a/s/l|age|edad|ilang taon|hoe oud|hoeveel jaar|wie alt|cuantos anos|cuantos anitos|quel age|"
                    + "quantos anos)"
                    + "(?![\\p{L}])");
    /** The partner giving the persona an age: "you are only 10", "bist du wirklich erst zehn?", "mature for 10". */
    private static final Pattern YOU_ARE_NUMBER = Pattern.compile(
            "(?<![\\p{L}])(?:you are|you're|your|ur|u r|u are|only|just|je bent|jij bent|ben je|ben jij|du bist|"
                    + "bist du|tienes|eres|tu as|t'as|t as|tu es|voce tem|tu tens|voce e|vc e|menina de|ikaw ay)\\s+"
                    + "(?:(?:only|just|still|maar|erst|solo|seulement|so|wirklich|really|echt|pas)\\s+)*"
                    + "(\\d{1,2}|ten|tien|zehn|diez|dix|dez|sampu|eleven|elf|once|onze|nine|negen|neun|nueve|neuf|nove)"
                    + "(?![\\p{L}\\d])"
                    + "|(?<![\\p{L}])(?:mature|big|tall|grown up|smart|pretty|cute) for (?:a |an )?(\\d{1,2})(?![\\d])");
    /** The ages in words {@link #YOU_ARE_NUMBER} reads. */
    private static final java.util.List<String> AGE_WORD = java.util.List.of("ten", "tien", "zehn", "diez", "dix",
            "dez", "sampu", "eleven", "elf", "once", "onze", "nine", "negen", "neun", "nueve", "neuf", "nove");
    /** Ages in words, as the persona (English, Tagalog, Cebuano) and partners write them. */
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("walo", 8), Map.entry("siyam", 9), Map.entry("sampu", 10), Map.entry("sampung", 10),
            Map.entry("otso", 8), Map.entry("nuwebe", 9), Map.entry("diyes", 10), Map.entry("dyes", 10),
            Map.entry("onse", 11), Map.entry("dose", 12), Map.entry("trese", 13), Map.entry("katorse", 14),
            Map.entry("labing-isa", 11), Map.entry("labing isa", 11), Map.entry("labindalawa", 12),
            Map.entry("napulo", 10), Map.entry("napulo ug usa", 11), Map.entry("napulog usa", 11),
            Map.entry("napulo ug duha", 12), Map.entry("napulog duha", 12), Map.entry("siyam na taon", 9),
            Map.entry("tien", 10), Map.entry("zehn", 10), Map.entry("diez", 10), Map.entry("dix", 10),
            Map.entry("dez", 10), Map.entry("onze", 11), Map.entry("doce", 12), Map.entry("doze", 12),
            Map.entry("elf", 11), Map.entry("zwolf", 12), Map.entry("twaalf", 12), Map.entry("douze", 12));
    private static final Pattern NUMBER_WORD = Pattern.compile("(?<![\\p{L}])(" + String.join("|",
            NUMBER_WORDS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) + ")(?![\\p{L}])");
    /** A birth year the persona gives ("born 2002 po", or "2002" answering "age?"). */
    private static final Pattern BIRTH_YEAR = Pattern.compile("(?<![\\d.,$€£₱:/])(19[89]\\d|20[0-3]\\d)(?![\\d%])");
    private static final Pattern BORN = Pattern.compile("(?<![\\p{L}])(?:born|b\\.|ipinanganak|pinanganak|"
            + "natawo|geboren|nacida|nacio|nee|nata|nascida|fodd|fodt|urodzona)(?![\\p{L}])");

    private static final Pattern PURCHASE = Pattern.compile(
            "(?<![\\p{L}])(?:bought|buy it|cost|costs|costed|spent|paid|price of|kocht|gekocht|gekauft|kostet|"
                    + "compre|compré|costo|couté|coute|acheté|achete|custou|comprei|binili)(?![\\p{L}])");
    private static final Pattern NEVER = Pattern.compile("(?:never|nunca|nooit|niemals|jamais|nunca)\\s+(?:ever\\s+)?$");
    private static final Pattern NEGATED = Pattern.compile("(?:don'?t|do not|dnt|never|wag|niet|nicht|no|ne)\\s+$");

    final Normalized text;
    final Map<Lexicon.Kind, int[]> found = new EnumMap<>(Lexicon.Kind.class);
    int[] amount;
    /** The words of the normalised text, shared with the reading layer so a message is split once. */
    PhraseMatcher.Tokens tokens;

    private MessageReading(Normalized text) {
        this.text = text;
    }

    static MessageReading of(String message, Lexicon lexicon) {
        MessageReading reading = new MessageReading(Normalized.of(message));
        PhraseMatcher.Tokens words = PhraseMatcher.Tokens.of(reading.text.words());
        reading.tokens = words;
        for (Lexicon.Kind kind : Lexicon.Kind.values()) {
            int[] span = lexicon.find(kind, words);
            if (span != null) {
                reading.found.put(kind, reading.text.wordsSpan(span[0], span[1]));
            }
        }
        Matcher amount = AMOUNT.matcher(reading.text.plain());
        if (mayHoldMoney(reading.text.plain()) && amount.find()) {
            reading.amount = reading.text.plainSpan(amount.start(), amount.end());
        }
        return reading;
    }

    /**
     * Money needs a currency sign, a money emoji, or a number written right before a currency's name or sign (at
     * most one space between): most lines have none, and the pattern is costly. A number alone ("lol 12345") is no
     * amount, so it does not run the pattern.
     */
    private static boolean mayHoldMoney(String plain) {
        int n = plain.length();
        for (int i = 0; i < n; i++) {
            char c = plain.charAt(i);
            if (currencySign(c) || c == '¥' || Character.isSurrogate(c)) {
                return true;
            }
            if (isAsciiDigit(c)) {
                // the number the pattern would read from here: digits, maybe a decimal part, maybe one space
                int j = i;
                while (j < n && isAsciiDigit(plain.charAt(j))) {
                    j++;
                }
                if (j + 1 < n && (plain.charAt(j) == '.' || plain.charAt(j) == ',') && isAsciiDigit(plain.charAt(j + 1))) {
                    j++;
                    while (j < n && isAsciiDigit(plain.charAt(j))) {
                        j++;
                    }
                }
                if (j < n && isSpace(plain.charAt(j))) {
                    j++;
                }
                if (j < n && (Character.isLetter(plain.charAt(j)) || currencySign(plain.charAt(j)))) {
                    return true;
                }
                i = j - 1;
            }
        }
        return false;
    }

    private static boolean currencySign(char c) {
        return c == '$' || c == '€' || c == '£' || c == '₱';
    }

    /** {@code \d} of a pattern without the Unicode flag. */
    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s} of a pattern without the Unicode flag. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Whether the text has a number of one or two digits after a space and not followed by another digit: what an
     * age needs to be read from digits ("you are only 10", "mature for 9").
     */
    static boolean hasShortNumber(String text) {
        int n = text.length();
        for (int i = 1; i < n; i++) {
            if (isAsciiDigit(text.charAt(i)) && isSpace(text.charAt(i - 1))) {
                int j = i + 1;
                if (j < n && isAsciiDigit(text.charAt(j))) {
                    j++;
                }
                if (j == n || !isAsciiDigit(text.charAt(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean has(Lexicon.Kind kind) {
        return found.containsKey(kind);
    }

    int[] span(Lexicon.Kind kind) {
        return found.get(kind);
    }

    /**
     * An adult's warning ("be careful", "tell your mom"), unless negated: "don't tell your mom" is the opposite of
     * protective.
     */
    boolean protective() {
        int[] span = span(Lexicon.Kind.PROTECTIVE);
        if (span == null) {
            return false;
        }
        String before = text.original().substring(Math.max(0, span[0] - 12), span[0]).toLowerCase(Locale.ROOT);
        return !NEGATED.matcher(before).find();
    }

    boolean asksAge() {
        String plain = text.plain();
        boolean cue = plain.contains("old") || plain.contains("age") || plain.contains("years") || plain.contains("asl")
                || plain.contains("a/s/l") || plain.contains("edad") || plain.contains("taon") || plain.contains("oud")
                || plain.contains("alt") || plain.contains("anos") || plain.contains("anitos") || plain.contains("jaar");
        return cue && AGE_QUESTION.matcher(plain).find();
    }

    private static boolean hasDigit(String plain) {
        for (int i = 0; i < plain.length(); i++) {
            if (Character.isDigit(plain.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a line is a short answer: at most four words parted by ASCII white space (what the pattern
     * {@code \s} matches), the ends stripped of any white space. Counted, not split: this runs for every line the
     * persona answers with.
     */
    static boolean atMostFourWords(String plain) {
        String s = plain.strip();
        int words = 1;
        for (int i = 0; i < s.length(); i++) {
            if (asciiSpace(s.charAt(i)) && (i == 0 || !asciiSpace(s.charAt(i - 1)))) {
                words++;
            }
        }
        return words <= 4;
    }

    private static boolean asciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /**
     * An age under 18 the persona gives for herself: a number with an age word ("im 10", "10 yo", "10 taon"), or a
     * bare number answering the partner's question ("10").
     */
    Optional<int[]> statedMinorAge(boolean answeringAgeQuestion, int year) {
        String plain = text.plain();
        // a birth year, a grade and an age in figures all need a digit: most lines have none (persona lines above all)
        boolean digit = hasDigit(plain);
        boolean bare = answeringAgeQuestion && atMostFourWords(plain);
        if (digit && (bare || BORN.matcher(plain).find())) {
            Matcher birth = BIRTH_YEAR.matcher(plain);
            if (birth.find() && minorBornIn(Integer.parseInt(birth.group(1)), year)) {
                return Optional.of(text.plainSpan(birth.start(), birth.end()));
            }
        }
        Matcher grade = ORDINAL_GRADE.matcher(plain);
        if (digit && grade.find()) {
            return Optional.of(text.plainSpan(grade.start(1), grade.end(1))); // "5th po", "yes 6th po": her grade
        }
        if (!bare && !AGE_CUE.matcher(plain).find()) {
            return Optional.empty();
        }
        Matcher number = NUMBER.matcher(plain);
        while (digit && number.find()) {
            int age = Integer.parseInt(number.group(1));
            if (age >= YOUNGEST && age < 18) {
                return Optional.of(text.plainSpan(number.start(), number.end()));
            }
        }
        Matcher word = NUMBER_WORD.matcher(plain);
        if (word.find() && NUMBER_WORDS.get(word.group(1)) < 18 && NUMBER_WORDS.get(word.group(1)) >= YOUNGEST) {
            return Optional.of(text.plainSpan(word.start(), word.end()));
        }
        return Optional.empty();
    }

    /**
     * Whether a child born in {@code born} is under 18 in {@code year}; when the message's year is not known (a log
     * without dates), any year from 1996 on is taken as hers: she is a child persona.
     */
    private static boolean minorBornIn(int born, int year) {
        return year >= 2000 ? year - born >= 1 && year - born < 18 : born >= 1996;
    }

    /**
     * A topic word right after a negation ("never undress for anyone", "don't send naked pics"): a warning, not a
     * request. Only the words just before the phrase count, so "why don't you undress" is still a request.
     */
    boolean negated(Lexicon.Kind kind) {
        int[] span = span(kind);
        if (span == null) {
            return false;
        }
        String before = text.original().substring(Math.max(0, span[0] - 12), span[0]).toLowerCase(Locale.ROOT);
        return NEGATED.matcher(before).find() || NEVER.matcher(before).find();
    }

    private static final Pattern HIS = Pattern.compile("(?:my|mijn|mein|meine|mi|mon|ma|meu|minha|min|mitt|moja|mój)"
            + "(?:\\s+\\S+)?\\s+$");

    /** "the webcam on my laptop": the thing is part of his. */
    private static final Pattern ON_HIS = Pattern.compile("\\s+(?:on|in|of|op|van|an|auf|von|de|en|do|da|sur)\\s+"
            + "(?:my|mijn|mein|meinem|meiner|mi|mon|ma|meu|minha|min|mitt)(?![\\p{L}])");

    /** The phrase is the partner's own thing: "my webcam is broken", "mijn nieuwe webcam". */
    boolean his(Lexicon.Kind kind) {
        int[] span = span(kind);
        if (span == null) {
            return false;
        }
        String before = text.original().substring(Math.max(0, span[0] - 16), span[0]).toLowerCase(Locale.ROOT);
        String after = text.original().substring(span[1], Math.min(text.original().length(), span[1] + 16))
                .toLowerCase(Locale.ROOT);
        return HIS.matcher(before).find() || ON_HIS.matcher(after).lookingAt();
    }

    /** An age written as digits or as a number word of the engine's languages. */
    private static int ageOf(String token) {
        if (Character.isDigit(token.charAt(0))) {
            return Integer.parseInt(token);
        }
        return switch (token) {
            case "nine", "negen", "neun", "nueve", "neuf", "nove" -> 9;
            case "eleven", "elf", "once", "onze" -> 11;
            default -> 10;
        };
    }

    /** A sum of money that is offered, not a price the partner paid for something of his ("i bought it for $50"). */
    int[] offeredAmount() {
        return amount == null || PURCHASE.matcher(text.plain()).find() ? null : amount;
    }

    /** The partner calling the persona a child, or giving her an age under 18 ("you are only 10"). */
    Optional<int[]> refersToMinor(boolean mayHoldAge) {
        if (has(Lexicon.Kind.YOUNG)) {
            return Optional.of(span(Lexicon.Kind.YOUNG));
        }
        if (!mayHoldAge) {
            return Optional.empty(); // no number and no number word: the pattern below cannot match
        }
        String plain = text.plain();
        if (!hasShortNumber(plain) && AGE_WORD.stream().noneMatch(plain::contains)) {
            return Optional.empty(); // the pattern needs an age of one or two digits or in words: it is costly
        }
        Matcher m = YOU_ARE_NUMBER.matcher(plain);
        while (m.find()) {
            String age = m.group(1) != null ? m.group(1) : m.group(2);
            if (ageOf(age) < 18) {
                return Optional.of(text.plainSpan(m.start(), m.end()));
            }
        }
        return Optional.empty();
    }
}

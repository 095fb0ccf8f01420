package org.sweetie.analysis;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * One stemmer per language of the concept dictionary: Lucene's Snowball stemmers where Snowball has the language, a
 * small affix rule set of Sweetie's own for Tagalog and Cebuano, and none for Polish (its entries list their forms).
 * A language's stem of a word is only ever compared with the same language's stems of the dictionary's entries.
 */
enum Stemmers {
    EN("en", EnglishStemmer::new), NL("nl", DutchStemmer::new), DE("de", GermanStemmer::new),
    ES("es", SpanishStemmer::new), FR("fr", FrenchStemmer::new), PT("pt", PortugueseStemmer::new),
    IT("it", ItalianStemmer::new), SV("sv", SwedishStemmer::new), DA("da", DanishStemmer::new),
    NO("no", NorwegianStemmer::new), RU("ru", RussianStemmer::new), TL("tl", null), PL("pl", null);

    private final String code;
    private final Supplier<SnowballStemmer> snowball;

    Stemmers(String code, Supplier<SnowballStemmer> snowball) {
        this.code = code;
        this.snowball = snowball;
    }

    String code() {
        return code;
    }

    static Stemmers of(String code) {
        for (Stemmers s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no stemmer for language '" + code + "'");
    }

    /** A stemmer for one thread: Snowball stemmers keep state while they work. */
    Stemmer create() {
        if (this == TL) {
            return Stemmers::tagalog;
        }
        if (snowball == null) {
            return word -> word;
        }
        SnowballStemmer stemmer = snowball.get();
        return word -> {
            stemmer.setCurrent(word);
            stemmer.stem();
            return stemmer.getCurrent();
        };
    }

    /** Stems one word. */
    @FunctionalInterface
    interface Stemmer {
        String stem(String word);
    }

    private static final List<String> TL_PREFIXES = List.of("nakaka", "makaka", "pinaka", "nagpa", "magpa", "ipa",
            "nag", "mag", "nang", "mang", "naka", "maka", "pag", "na", "ma", "ipag", "i", "pa");
    private static final List<String> TL_SUFFIXES = List.of("hin", "han", "in", "an", "ng");

    /**
     * Tagalog and Cebuano: verbs carry their aspect and focus in affixes (hubad, maghubad, naghubad, hubarin,
     * hinubad). Strips one prefix, the infixes um/in and one suffix, and the reduplicated first syllable, keeping at
     * least three letters; a rough root, enough to meet the dictionary's roots.
     */
    static String tagalog(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace("-", "");
        for (String prefix : TL_PREFIXES) {
            // a bare "i" takes five letters after it: "ilang" (how many) is not "lang" (only)
            if (w.startsWith(prefix) && w.length() - prefix.length() >= (prefix.equals("i") ? 5 : 4)) {
                w = w.substring(prefix.length());
                break;
            }
        }
        if (w.length() >= 5 && (w.startsWith("um", 1) || w.startsWith("in", 1)) && isConsonant(w.charAt(0))) {
            w = w.charAt(0) + w.substring(3);
        }
        for (String suffix : TL_SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 4) {
                w = w.substring(0, w.length() - suffix.length());
                break;
            }
        }
        // reduplication: "huhubad" -> "hubad", "papadala" -> "padala"
        if (w.length() >= 6 && w.charAt(0) == w.charAt(2) && w.charAt(1) == w.charAt(3) && isConsonant(w.charAt(0))) {
            w = w.substring(2);
        }
        // r and d alternate between vowels (hubad, hubarin)
        return w.replace('r', 'd');
    }

    private static boolean isConsonant(char c) {
        return c >= 'a' && c <= 'z' && "aeiou".indexOf(c) < 0;
    }
}

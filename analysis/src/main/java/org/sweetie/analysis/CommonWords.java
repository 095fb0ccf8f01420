package org.sweetie.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Words that are never a place nor a messenger handle on their own: SCOWL's common English words and the stop words
 * of the project's languages ({@code common-words.txt.gz}, built by analysis/gazetteer/make-words.js), and a hand
 * list of chat, Tagalog and Cebuano words ({@code chat-words.txt}). Kept folded as {@link Normalized#plain()} is.
 */
final class CommonWords {
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final Set<String> WORDS = load();

    private CommonWords() {
    }

    /** Whether a word (lower case, accents removed) is a common word in one of the project's languages. */
    static boolean contains(String folded) {
        return WORDS.contains(folded);
    }

    /** Lower case without accents, as {@link Normalized#plain()} has it: "München" is "munchen". */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 0x80;
        }
        if (ascii) {
            return lower;
        }
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("")
                .replace('\u2019', '\'');
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(64_000);
        try (InputStream raw = resource("/analysis/common-words.txt.gz");
             var lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    words.add(fold(line.strip()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the common words", e);
        }
        try (InputStream raw = resource("/analysis/chat-words.txt");
             var lines = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("#")) {
                    for (String word : line.strip().split("\\s+")) {
                        if (!word.isEmpty()) {
                            words.add(fold(word));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the chat words", e);
        }
        return Set.copyOf(words);
    }

    private static InputStream resource(String path) {
        InputStream in = CommonWords.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the build");
        }
        return in;
    }
}

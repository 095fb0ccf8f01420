package org.sweetie.persona;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sweetie.analysis.PhraseBook;
import org.sweetie.analysis.TextFacts;

/**
 * Reads a partner's line for what it asks (age, where from, school...) and in which language, so the bot can
 * answer from its script. A line that raises any topic the persona must not touch gets confusion or a refusal.
 */
final class IntentReader {
    private static final List<Map.Entry<Intent, Pattern>> ASKS = List.of(
            Map.entry(Intent.AGE, Pattern.compile("how old|\\bage\\b|\\basl\\b|hoe oud|wie alt|cuantos anos|quel age"
                    + "|quantos anos|ilang taon|\\bedad\\b")),
            Map.entry(Intent.WHERE_FROM, Pattern.compile("where.{0,12}from|from where|waar kom|woher|de donde|d'ou"
                    + "|de onde|taga saan|where do you live|where u live")),
            Map.entry(Intent.NAME, Pattern.compile("your name|ur name|hoe heet|wie heisst|como te llamas"
                    + "|comment tu t'appelles|seu nome|pangalan mo")),
            Map.entry(Intent.HOW_ARE_YOU, Pattern.compile("how are you|how r u|hru|hoe gaat|wie geht|que tal|como estas"
                    + "|ca va|tudo bem|kumusta")),
            Map.entry(Intent.SCHOOL, Pattern.compile("school|grade|class|schule|escuela|ecole|escola|klas")),
            Map.entry(Intent.FAMILY, Pattern.compile("mom|mum|mother|dad|father|parents|family|brother|sister|lola"
                    + "|ouders|eltern|padres|parents|pais")),
            Map.entry(Intent.GOODBYE, Pattern.compile("\\bbye\\b|good ?night|see you|doei|tschuss|adios|au revoir"
                    + "|tchau|ciao")),
            Map.entry(Intent.GREETING, Pattern.compile("^(hi+|hello|hey|hoi|hallo|hola|salut|oi|ola|kumusta)\\b")));
    private static final Map<String, Pattern> LANGUAGES = Map.of(
            "nl", Pattern.compile("\\b(je|jij|ben|hoe|wat|waar|niet|een|het|hoi|naakt)\\b"),
            "de", Pattern.compile("\\b(du|bist|ich|nicht|wie|woher|hallo|und|nackt)\\b"),
            "es", Pattern.compile("\\b(tienes|eres|donde|hola|que|como|quieres|te)\\b"),
            "fr", Pattern.compile("\\b(tu|es|salut|quel|suis|veux|pour|moi)\\b"),
            "pt", Pattern.compile("\\b(voce|oi|tem|quer|para|onde|tudo)\\b"),
            "tl", Pattern.compile("\\b(ka|ko|mo|po|ano|saan|taga|ilang|gusto|sige)\\b"));

    private final org.sweetie.analysis.Analyzer analyzer;
    private final PhraseBook vocabulary;

    IntentReader(org.sweetie.analysis.Analyzer analyzer, PhraseBook vocabulary) {
        this.analyzer = analyzer;
        this.vocabulary = vocabulary;
    }

    /** Whether the line raises a topic the persona must stay out of (sexual, webcam, money, images, meeting...). */
    boolean touchesTopic(String text) {
        TextFacts facts = analyzer.read(text);
        if (!facts.topics().isEmpty() || facts.secrecy() || facts.amount() != null) {
            return true;
        }
        PhraseBook.Found found = vocabulary.find(text);
        return found.has("sexual") || found.has("webcam") || found.has("images") || found.has("payment")
                || found.has("meeting") || found.has("secrecy");
    }

    Intent intent(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        for (Map.Entry<Intent, Pattern> ask : ASKS) {
            if (ask.getValue().matcher(lower).find()) {
                return ask.getKey();
            }
        }
        return Intent.SMALL_TALK;
    }

    /** The language the partner writes in, among the script's, or the fallback. */
    String language(String text, String fallback) {
        String lower = text.toLowerCase(Locale.ROOT);
        String best = fallback;
        int bestHits = 0;
        for (Map.Entry<String, Pattern> language : LANGUAGES.entrySet()) {
            int hits = (int) language.getValue().matcher(lower).results().count();
            if (hits > bestHits || hits == bestHits && hits > 0 && language.getKey().compareTo(best) < 0) {
                best = language.getKey();
                bestHits = hits;
            }
        }
        return bestHits >= 1 ? best : fallback;
    }
}

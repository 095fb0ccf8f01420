package org.sweetie.persona;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweetie.core.Author;
import org.sweetie.core.Persona;

/**
 * The bot's vetted lines by intent and language, filled in with the persona's cover facts. Every line is put to
 * the guard when the library loads; one it refuses stops the load with an error naming the line.
 */
public final class ScriptLibrary {
    private final Map<Intent, Map<String, List<String>>> lines;

    private ScriptLibrary(Map<Intent, Map<String, List<String>>> lines) {
        this.lines = lines;
    }

    /** The cover facts a script line may use. */
    public record Cover(Persona persona, String name, String city, String country, int grade) {
        String fill(String line) {
            return line.replace("{age}", persona.statedAge() == null ? "10" : persona.statedAge().toString())
                    .replace("{name}", name).replace("{city}", city).replace("{country}", country)
                    .replace("{grade}", Integer.toString(grade));
        }

        /** The words of her name, town and country: words of her register. */
        public List<String> words() {
            return java.util.stream.Stream.of(name, city, country).filter(java.util.Objects::nonNull)
                    .flatMap(w -> java.util.Arrays.stream(w.split("[\\s,]+"))).filter(w -> !w.isBlank()).toList();
        }
    }

    public static ScriptLibrary standard(Cover cover, EntrapmentGuard guard) {
        return load("/persona/scripts.yaml", cover, guard);
    }

    static ScriptLibrary load(String resource, Cover cover, EntrapmentGuard guard) {
        try (InputStream in = ScriptLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the build: " + resource);
            }
            return parse(resource, new ObjectMapper(new YAMLFactory()).readTree(in), cover, guard);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static ScriptLibrary parse(String source, JsonNode root, Cover cover, EntrapmentGuard unaware) {
        EntrapmentGuard guard = unaware.knowing(cover.words());
        Map<Intent, Map<String, List<String>>> lines = new LinkedHashMap<>();
        root.path("intents").properties().forEach(intent -> {
            Intent key = Intent.of(intent.getKey()).orElseThrow(() -> new IllegalArgumentException(source
                    + ": intents." + intent.getKey() + ": unknown intent"));
            Map<String, List<String>> byLanguage = new LinkedHashMap<>();
            intent.getValue().properties().forEach(language -> {
                List<String> filled = new ArrayList<>();
                for (int i = 0; i < language.getValue().size(); i++) {
                    String line = cover.fill(language.getValue().get(i).asText());
                    Decision decision = guard.decide(Draft.reply(line, Author.BOT, null));
                    if (!decision.allowed()) {
                        throw new IllegalArgumentException(source + ": intents." + intent.getKey() + "."
                                + language.getKey() + "[" + i + "]: the guard " + (decision.held() ? "holds" : "refuses") + " '" + line + "' ("
                                + decision.rule() + ": " + decision.reason() + ")");
                    }
                    filled.add(line);
                }
                byLanguage.put(language.getKey(), List.copyOf(filled));
            });
            lines.put(key, byLanguage);
        });
        for (Intent intent : Intent.values()) {
            if (!lines.containsKey(intent) || !lines.get(intent).containsKey("en")) {
                throw new IllegalArgumentException(source + ": intents." + intent.key() + ".en: missing");
            }
        }
        return new ScriptLibrary(lines);
    }

    /** The lines for an intent in a language, or in English when the language has none. */
    public List<String> lines(Intent intent, String language) {
        Map<String, List<String>> byLanguage = lines.get(intent);
        return byLanguage.getOrDefault(language, byLanguage.get("en"));
    }
}

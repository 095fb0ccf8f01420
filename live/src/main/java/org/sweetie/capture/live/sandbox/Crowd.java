package org.sweetie.capture.live.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sandbox's scripted partners, drawn from the crowd file (sandbox/crowd.yaml): kinds of people with their lines
 * per language, mixed by each kind's share. The same seed gives the same crowd.
 */
public final class Crowd {
    private final List<Kind> kinds;
    private final List<String> names;
    private final List<String> cities;

    /** One kind of partner: benign, protective, solicitor, ... */
    record Kind(String name, int share, boolean returns, boolean changesNick, Map<String, List<String>> lines) {
    }

    private Crowd(List<Kind> kinds, List<String> names, List<String> cities) {
        this.kinds = List.copyOf(kinds);
        this.names = List.copyOf(names);
        this.cities = List.copyOf(cities);
    }

    /** The crowd shipped with Sweetie. */
    public static Crowd standard() {
        try (InputStream in = Crowd.class.getResourceAsStream("/sandbox/crowd.yaml")) {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox crowd", e);
        }
    }

    private static Crowd parse(JsonNode root) {
        List<Kind> kinds = new ArrayList<>();
        root.get("kinds").properties().forEach(kind -> {
            JsonNode k = kind.getValue();
            Map<String, List<String>> lines = new java.util.TreeMap<>();
            k.get("lines").properties().forEach(l -> lines.put(l.getKey(), strings(l.getValue())));
            kinds.add(new Kind(kind.getKey(), k.get("share").asInt(), k.path("returns").asBoolean(false),
                    k.path("changes_nick").asBoolean(false), lines));
        });
        return new Crowd(kinds, strings(root.get("names")), strings(root.get("cities")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The kinds of partner in the crowd, by name. */
    public List<String> kinds() {
        return kinds.stream().map(Kind::name).toList();
    }

    /** The n-th partner of a crowd drawn with this seed: who they are and what they will say. */
    public Script script(long seed, int n, int personaAge) {
        Random random = new Random(seed * 1_000_003L + n);
        Kind kind = pick(random);
        List<String> languages = new ArrayList<>(kind.lines().keySet());
        String language = languages.get(random.nextInt(languages.size()));
        String name = names.get(random.nextInt(names.size()));
        String nick = name.toLowerCase(java.util.Locale.ROOT) + "_" + n;
        // Fictional identifiers only: UK drama range, example.com, documentation IP ranges.
        String phone = String.format("+44 7700 900%03d", n % 1000);
        String email = nick + "@example.com";
        String skype = nick + ".example";
        String host = "u" + n + "@198.51.100." + (n % 254 + 1);
        List<String> lines = kind.lines().get(language).stream()
                .map(line -> line.replace("{name}", name).replace("{city}", cities.get(random.nextInt(cities.size())))
                        .replace("{phone}", phone).replace("{email}", email).replace("{skype}", skype)
                        .replace("{age}", Integer.toString(personaAge)))
                .toList();
        String returnNick = kind.returns() ? nick + "_again" : null;
        String changedNick = kind.changesNick() ? nick + "_away" : null;
        return new Script(kind.name(), language, nick, host, lines, changedNick, returnNick);
    }

    private Kind pick(Random random) {
        int total = kinds.stream().mapToInt(Kind::share).sum();
        int draw = random.nextInt(total);
        for (Kind kind : kinds) {
            draw -= kind.share();
            if (draw < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("unreachable: shares sum to " + total);
    }

    /**
     * One partner's part: their nick and host, the lines they say in order, a nick they change to half-way (seen on
     * the wire) and a nick they come back under after leaving (not seen as a change: a new account).
     */
    public record Script(String kind, String language, String nick, String host, List<String> lines,
                         String changedNick, String returnNick) {
        public Script {
            lines = List.copyOf(lines);
        }
    }
}

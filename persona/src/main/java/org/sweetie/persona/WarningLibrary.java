package org.sweetie.persona;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deterrence warnings by level, language and (where the partner's country is known) country. Every template passes
 * the guard as a warning at load time; the help services they may name are listed in the file.
 */
public final class WarningLibrary {
    private final Map<String, String> templates;
    private final Set<String> helpHosts;
    private final int levels;

    private WarningLibrary(Map<String, String> templates, Set<String> helpHosts, int levels) {
        this.templates = templates;
        this.helpHosts = helpHosts;
        this.levels = levels;
    }

    /** The help hosts of the standard library, which the guard must know before the templates are checked. */
    public static Set<String> standardHelpHosts() {
        JsonNode root = read("/persona/warnings.yaml");
        Set<String> hosts = new HashSet<>();
        root.path("help").forEach(h -> hosts.add(h.asText()));
        return Set.copyOf(hosts);
    }

    public static WarningLibrary standard(EntrapmentGuard guard) {
        return parse("/persona/warnings.yaml", read("/persona/warnings.yaml"), guard);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = WarningLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the build: " + resource);
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static WarningLibrary parse(String source, JsonNode root, EntrapmentGuard guard) {
        Map<String, String> templates = new HashMap<>();
        int[] levels = {0};
        root.path("levels").properties().forEach(level -> {
            levels[0] = Math.max(levels[0], Integer.parseInt(level.getKey()));
            level.getValue().properties().forEach(language -> templates.put(key(null, level.getKey(),
                    language.getKey()), checked(source + ": levels." + level.getKey() + "." + language.getKey(),
                    language.getValue().asText(), guard)));
        });
        root.path("countries").properties().forEach(country -> country.getValue().properties().forEach(level ->
                level.getValue().properties().forEach(language -> templates.put(key(country.getKey(), level.getKey(),
                        language.getKey()), checked(source + ": countries." + country.getKey() + "." + level.getKey()
                        + "." + language.getKey(), language.getValue().asText(), guard)))));
        for (int level = 1; level <= levels[0]; level++) {
            if (!templates.containsKey(key(null, Integer.toString(level), "en"))) {
                throw new IllegalArgumentException(source + ": levels." + level + ".en: missing");
            }
        }
        Set<String> hosts = new HashSet<>();
        root.path("help").forEach(h -> hosts.add(h.asText()));
        return new WarningLibrary(templates, Set.copyOf(hosts), levels[0]);
    }

    private static String checked(String where, String template, EntrapmentGuard guard) {
        Decision decision = guard.decide(Draft.warning(template));
        if (!decision.allowed()) {
            throw new IllegalArgumentException(where + ": the guard refuses this warning (" + decision.rule() + ": "
                    + decision.reason() + ")");
        }
        return template;
    }

    private static String key(String country, String level, String language) {
        return (country == null ? "*" : country) + "/" + level + "/" + language;
    }

    /** How many levels the ladder has; the last marks the partner for referral. */
    public int levels() {
        return levels;
    }

    public Set<String> helpHosts() {
        return helpHosts;
    }

    /** The warning for a level: the partner's country's first, then the language's, then English. */
    public String warning(int level, String country, String language) {
        String l = Integer.toString(Math.min(level, levels));
        for (String key : List.of(key(country, l, language), key(country, l, "en"), key(null, l, language))) {
            if (country != null || key.startsWith("*")) {
                String template = templates.get(key);
                if (template != null) {
                    return template;
                }
            }
        }
        return templates.get(key(null, l, "en"));
    }
}

package org.sweetie.capture.live.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sweetie.core.Durations;

/**
 * One mapping of the YAML configuration with its path ("personas[0].irc[1]"), so that every error names the key it
 * is about. Strings may take secrets from the environment with ${NAME}.
 */
final class ConfigNode {
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final JsonNode node;
    private final String path;
    private final Map<String, String> environment;
    private final Secrets secrets;

    ConfigNode(JsonNode node, String path, Map<String, String> environment, Secrets secrets) {
        this.node = node;
        this.path = path;
        this.environment = environment;
        this.secrets = secrets;
        if (!node.isObject()) {
            throw error(path, "expected a mapping of keys to values");
        }
    }

    /** Refuses keys the configuration does not know: a misspelt key must not be ignored silently. */
    ConfigNode allowing(String... keys) {
        Set<String> known = new TreeSet<>(List.of(keys));
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw error(at(key), "unknown key (known here: " + String.join(", ", known) + ")");
            }
        });
        return this;
    }

    String path() {
        return path;
    }

    boolean has(String key) {
        return node.hasNonNull(key);
    }

    /** Whether the key says off: YAML reads a bare {@code off} (or {@code false}) as the boolean false. */
    boolean isOff(String key) {
        JsonNode value = node.get(key);
        return value != null && (value.isBoolean() && !value.asBoolean() || value.isTextual()
                && value.asText().equals("off"));
    }

    /** Whether the key holds a single value (text, a number) rather than a mapping or a list. */
    boolean isText(String key) {
        return has(key) && node.get(key).isValueNode();
    }

    String text(String key) {
        if (!has(key)) {
            throw error(at(key), "missing");
        }
        return optionalText(key, null);
    }

    String optionalText(String key, String fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode() || value.isBoolean()) {
            throw error(at(key), "expected text");
        }
        String text = substitute(key, value.asText());
        if (text.isBlank()) {
            throw error(at(key), "is empty");
        }
        return text;
    }

    int integer(String key, int min, int max, int fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw error(at(key), "expected a whole number, got '" + value.asText() + "'");
        }
        int number = value.asInt();
        if (number < min || number > max) {
            throw error(at(key), "must be between " + min + " and " + max + ", got " + number);
        }
        return number;
    }

    boolean bool(String key, boolean fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw error(at(key), "expected true or false, got '" + value.asText() + "'");
        }
        return value.asBoolean();
    }

    Duration duration(String key, Duration fallback) {
        String text = optionalText(key, null);
        if (text == null) {
            return fallback;
        }
        return Durations.parse(text).orElseThrow(() -> error(at(key), "expected " + Durations.EXAMPLES + ", got '"
                + text + "'"));
    }

    List<String> texts(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(at(key), "expected a list");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isValueNode() || item.asText().isBlank()) {
                throw error(at(key) + "[" + i + "]", "expected non-empty text");
            }
            out.add(substitute(key, item.asText()));
        }
        return out;
    }

    ConfigNode child(String key) {
        return has(key) ? new ConfigNode(node.get(key), at(key), environment, secrets) : null;
    }

    <T> List<T> list(String key, Function<ConfigNode, T> reader) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(at(key), "expected a list");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            out.add(reader.apply(new ConfigNode(value.get(i), at(key) + "[" + i + "]", environment, secrets)));
        }
        return out;
    }

    ConfigException error(String key, String problem) {
        return new ConfigException(secrets.hide(key + ": " + problem));
    }

    ConfigException problem(String key, String problem) {
        return error(at(key), problem);
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String substitute(String key, String text) {
        Matcher m = ENV.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.get(m.group(1));
            if (value == null) {
                throw error(at(key), "environment variable " + m.group(1) + " is not set");
            }
            secrets.tookFrom(m.group(1), value);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}

package org.sweetie.capture.live.config;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values a deployment file took from the environment with ${NAME}: passwords, mostly. An error message about
 * the file names where a value came from, never the value: it shows {@code ${NAME}} wherever the value would appear,
 * since an operator's terminal, logs and support tickets are not places for secrets.
 */
final class Secrets {
    /**
     * Values shorter than this are not hidden: replacing every "a" or "on" in a message would make it unreadable, and
     * a value that short protects nothing.
     */
    static final int SHORTEST = 3;

    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** Notes that {@code value} came from the environment variable {@code name}. */
    void tookFrom(String name, String value) {
        if (value.length() >= SHORTEST) {
            names.put(value, "${" + name + "}");
        }
    }

    /** The message with every value from the environment shown as the ${NAME} it came from; longest first. */
    String hide(String message) {
        String hidden = message;
        for (String value : names.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            hidden = hidden.replace(value, names.get(value));
        }
        return hidden;
    }
}

package org.sweetie.core;

import java.util.List;

/**
 * A persona's cover identity: who the partners believe they are talking to. The handle is the persona's stable id in
 * Sweetie; the nicknames are what it is called on the networks. Stated age, country and languages are the facts the
 * persona may give; the responder and the analysis both read them.
 *
 * @param statedAge the age the persona gives, or null when the deployment has not set one (e.g. imported logs)
 * @param country ISO 3166-1 alpha-2 code of the cover country, or null
 */
public record Persona(String handle, List<String> nicknames, Integer statedAge, String country,
                      List<String> languages, String profileText) {
    public Persona {
        handle = Text.foldHandle(handle);
        nicknames = List.copyOf(nicknames);
        if (nicknames.isEmpty()) {
            throw new IllegalArgumentException("a persona needs at least one nickname");
        }
        languages = List.copyOf(languages);
        profileText = profileText == null ? "" : profileText;
        if (statedAge != null && (statedAge < 1 || statedAge > 120)) {
            throw new IllegalArgumentException("stated age out of range: " + statedAge);
        }
    }

    /** A persona known only by its nicknames, as when importing logs; the first nickname is its handle. */
    public static Persona ofNicknames(List<String> nicknames) {
        if (nicknames.isEmpty()) {
            throw new IllegalArgumentException("a persona needs at least one nickname");
        }
        return new Persona(nicknames.getFirst(), nicknames, null, null, List.of(), "");
    }

    /** True when the given nick is one of the persona's nicknames (IRC case rules). */
    public boolean isCalled(String nick) {
        String folded = Text.foldHandle(nick);
        return nicknames.stream().anyMatch(n -> Text.foldHandle(n).equals(folded));
    }
}

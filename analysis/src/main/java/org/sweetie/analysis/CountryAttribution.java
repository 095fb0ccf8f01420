package org.sweetie.analysis;

import java.util.List;

/**
 * Where a partner most likely is: an ISO 3166-1 alpha-2 code, a confidence from 0 to 1, and every clue, strongest
 * first.
 */
public record CountryAttribution(String country, double confidence, List<Clue> evidence) {
    public CountryAttribution {
        evidence = List.copyOf(evidence);
    }

    /** One clue: the country it points to, its weight, why, and the message (0-based) it came from. */
    public record Clue(String country, double weight, String reason, int message) {
    }
}

package org.sweetie.referral;

import java.util.Locale;
import org.sweetie.analysis.CountryAttribution;

/**
 * Where a suspect's referral goes: the attributed country's folder when the attribution is at least as confident as
 * the threshold, else {@value #UNASSIGNED} (the sender's own triage, or an international channel), never a country
 * on a guess. The default threshold is measured on the evaluation corpora (docs/referrals.md): a partner who only
 * writes a language (0.20) is not routed; a stated time of day, a place with a cue, a currency, a phone number or
 * an address, or two weak clues that agree, are.
 */
public record Routing(double minConfidence) {
    public static final double DEFAULT_MIN_CONFIDENCE = 0.30;
    public static final String UNASSIGNED = "unassigned";

    public Routing {
        if (!(minConfidence > 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("the routing threshold must be above 0 and at most 1, not "
                    + minConfidence);
        }
    }

    /** A suspect's route: the folder, and the attribution it rests on (null when nothing points anywhere). */
    public record Route(String folder, CountryAttribution attribution, long conversation) {
        public boolean assigned() {
            return !folder.equals(UNASSIGNED);
        }
    }

    /** The route for the suspect's best attribution (null when none), found in the given conversation. */
    public Route route(CountryAttribution best, long conversation) {
        if (best != null && best.confidence() + 1e-9 >= minConfidence) {
            return new Route(best.country().toUpperCase(Locale.ROOT), best, conversation);
        }
        return new Route(UNASSIGNED, best, conversation);
    }

    /**
     * Where the suspect's referral goes: the most confident attribution over their conversations (the first of equals
     * in the order of {@link org.sweetie.identity.Profile#conversations}), if sure enough.
     */
    public Route route(org.sweetie.identity.Profile profile,
                       java.util.function.LongFunction<CountryAttribution> country) {
        CountryAttribution best = null;
        long from = 0;
        for (long id : profile.conversations()) {
            CountryAttribution a = country.apply(id);
            if (a != null && (best == null || a.confidence() > best.confidence())) {
                best = a;
                from = id;
            }
        }
        return route(best, from);
    }

    /** The route in words, as the dossier's cover and the index say it. */
    public String explain(Route route) {
        if (route.assigned()) {
            return String.format(Locale.ROOT, "%s (confidence %.2f, at or above the threshold %.2f)", route.folder(),
                    route.attribution().confidence(), minConfidence);
        }
        if (route.attribution() == null) {
            return "not assigned to a country: nothing in the conversations points to one";
        }
        return String.format(Locale.ROOT, "not assigned to a country: the best guess, %s, has confidence %.2f, "
                + "below the threshold %.2f", route.attribution().country(), route.attribution().confidence(),
                minConfidence);
    }
}

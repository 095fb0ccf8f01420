package org.sweetie.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sweetie.core.IdentifierType;

/**
 * What is known of a suspect for referral: what they revealed, how far the worst conversation went, whether they
 * came back after a warning, on how many personas and networks, and signs of hands-on risk; and from that the
 * identification level and the referral priority.
 *
 * @param qualification "wcst", "solicitation" or "none": the highest any of the suspect's conversations reached
 * @param returnedAfterWarning the suspect was warned more than once (came back) or marked for referral
 * @param handsOnRisk partner lines that ask about siblings or propose meeting, with where
 */
public record Profile(Suspect suspect, List<Revealed> revealed, List<Long> conversations, String qualification,
                      boolean returnedAfterWarning, int personas, int networks, List<Source> handsOnRisk) {
    private static final Set<IdentifierType> CONTACT = Set.of(IdentifierType.EMAIL, IdentifierType.PHONE,
            IdentifierType.SKYPE, IdentifierType.FACEBOOK, IdentifierType.INSTAGRAM, IdentifierType.SNAPCHAT,
            IdentifierType.KIK, IdentifierType.TELEGRAM, IdentifierType.WHATSAPP, IdentifierType.DISCORD,
            IdentifierType.X, IdentifierType.TIKTOK, IdentifierType.LINE, IdentifierType.VIBER, IdentifierType.WECHAT,
            IdentifierType.PAYPAL, IdentifierType.CASHAPP, IdentifierType.VENMO, IdentifierType.GCASH,
            IdentifierType.CRYPTO);

    public Profile {
        revealed = List.copyOf(revealed);
        conversations = List.copyOf(conversations);
        handsOnRisk = List.copyOf(handsOnRisk);
    }

    public Level level() {
        Set<IdentifierType> strong = revealed.stream().map(Revealed::type).filter(CONTACT::contains)
                .collect(Collectors.toSet());
        boolean named = has(IdentifierType.NAME) && has(IdentifierType.LOCATION);
        if (!strong.isEmpty() && named || strong.size() >= 2) {
            return Level.IDENTIFIED;
        }
        if (named) {
            return Level.NAMED;
        }
        return strong.isEmpty() ? Level.ANONYMOUS : Level.REACHABLE;
    }

    /**
     * Referral priority, higher first: identification (identified 40, named 25, reachable 15), qualification
     * (WCST 30, solicitation 20), repeat behaviour (came back after a warning 10; each persona or network beyond the
     * first 5, up to 10), hands-on risk (siblings, meeting: 15).
     */
    public int priority() {
        int score = switch (level()) {
            case IDENTIFIED -> 40;
            case NAMED -> 25;
            case REACHABLE -> 15;
            case ANONYMOUS -> 0;
        };
        score += switch (qualification) {
            case "wcst" -> 30;
            case "solicitation" -> 20;
            default -> 0;
        };
        score += returnedAfterWarning ? 10 : 0;
        score += Math.min(10, 5 * (Math.max(0, personas - 1) + Math.max(0, networks - 1)));
        score += handsOnRisk.isEmpty() ? 0 : 15;
        return score;
    }

    private boolean has(IdentifierType type) {
        return revealed.stream().anyMatch(r -> r.type() == type);
    }
}

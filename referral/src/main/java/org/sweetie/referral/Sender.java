package org.sweetie.referral;

import java.time.Instant;
import java.util.Objects;

/**
 * Who sends the referrals and for which case: printed on every dossier's cover and every index page, so the
 * recipient knows whom to ask and under which reference.
 *
 * @param organisation the sending organisation's name
 * @param contact how the recipient reaches the sender (an email address, a phone number, a name)
 * @param caseReference the sender's reference for this set of referrals
 * @param made when the package was made
 */
public record Sender(String organisation, String contact, String caseReference, Instant made) {
    public Sender {
        organisation = required(organisation, "organisation");
        contact = required(contact, "contact");
        caseReference = required(caseReference, "case reference");
        Objects.requireNonNull(made, "made");
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the sender's " + what + " is empty");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the sender's " + what + " has a control character");
        }
        return value.strip();
    }
}

package org.sweetie.identity;

/**
 * How far a suspect is identified, from what they revealed themselves (docs/referrals.md):
 * <ul>
 * <li>ANONYMOUS: nothing that reaches the person.</li>
 * <li>REACHABLE: a contact or payment handle (email, phone, messenger, social, PayPal, ...).</li>
 * <li>NAMED: a name and a place.</li>
 * <li>IDENTIFIED: a strong identifier with a name and a place, or two strong identifiers of different kinds.</li>
 * </ul>
 */
public enum Level {
    ANONYMOUS, REACHABLE, NAMED, IDENTIFIED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.sweetie.core;

import java.util.Locale;

/** What kind of identifier a partner revealed (BRIEF section 5). */
public enum IdentifierType {
    EMAIL, PHONE, URL, SKYPE, FACEBOOK, INSTAGRAM, SNAPCHAT, KIK, TELEGRAM, WHATSAPP, DISCORD, X, TIKTOK, LINE, VIBER,
    WECHAT, PAYPAL, CASHAPP, VENMO, GCASH, CRYPTO, NAME, AGE, LOCATION, OCCUPATION, IP;

    /** The lower-case name used in reports and JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

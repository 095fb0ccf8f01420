package org.sweetie.persona;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a partner's line asks of the persona, and so which kind of script line answers it. */
public enum Intent {
    GREETING, HOW_ARE_YOU, AGE, WHERE_FROM, SCHOOL, FAMILY, NAME, CONFUSION, REFUSAL, GOODBYE, SMALL_TALK, ELICIT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Intent> of(String key) {
        return Arrays.stream(values()).filter(i -> i.key().equals(key)).findFirst();
    }
}

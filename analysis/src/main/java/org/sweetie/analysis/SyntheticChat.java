package org.sweetie.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sweetie.core.Author;
import org.sweetie.core.Message;

/**
 * Synthetic, non-graphic chat lines of the kinds the engine meets (mostly small talk; some stages, identifiers,
 * obfuscation, another language), one persona line in three: what the analysis benchmarks read.
 */
public final class SyntheticChat {
    private static final String[] PARTNER = {"hi there", "how was school today?", "lol ok", "where are you from?",
        "how old r u", "do you have a cam?", "i give you 20 dollars for a sexy show", "r u alone?",
        "add me on skype dave.example.uk", "text me +44 7700 900123", "my name is Dave and i live in Leeds",
        "wil je naakt voor de webcam? ik betaal 15 euro", "my cam is broken", "haha you are funny",
        "what music do you like", "send me a pic n@ked", "dont tell anyone ok", "bye for now"};
    private static final String[] PERSONA = {"hi", "im 10", "what is that?", "no", "from cebu", "bye"};

    private SyntheticChat() {
    }

    public static List<Message> lines(int count) {
        List<Message> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean persona = i % 3 == 2;
            lines.add(Message.received(Instant.EPOCH.plusSeconds(i), persona ? Author.BOT : Author.PARTNER,
                    persona ? "Sweetie10" : "partner", persona ? PERSONA[i % PERSONA.length]
                            : PARTNER[i % PARTNER.length], null, null));
        }
        return lines;
    }
}

package org.sweetie.analysis;

import org.sweetie.core.Identifier;
import org.sweetie.core.Stage;
import org.sweetie.core.Topic;

/** Something the engine learned at a message: its 0-based index among the conversation's messages. */
public sealed interface Finding {
    int message();

    /** A stage reached for the first time, with the span of the text that shows it. */
    record StageReached(Stage stage, int message, int start, int end) implements Finding {
    }

    /** The conversation qualifies, at the message that completes the qualification. */
    record Qualified(Qualification level, int message) implements Finding {
    }

    /** Who raised a topic first. */
    record Initiated(Topic topic, boolean byPersona, int message) implements Finding {
    }

    record Revealed(Identifier identifier) implements Finding {
        @Override
        public int message() {
            return identifier.message();
        }
    }

    /** The two qualification levels of BRIEF section 4. */
    enum Qualification {
        /** Sexual solicitation at or after age awareness. */
        SOLICITATION,
        /** Solicitation, plus a payment offer and a webcam request by the partner. */
        WCST
    }
}

package org.sweetie.persona;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Flag;

/**
 * Where a conversation stands for the bot, read from what is stored (so a restart loses nothing): who holds it
 * (an operator, or nobody: the bot), whether it qualified, and the warnings sent in it.
 *
 * @param operator the operator holding the conversation, or null
 * @param handedOver true once the bot handed it to the operators (deterrence mode HANDOVER)
 * @param lastWarning when the last warning in this conversation was sent, or null
 * @param leftSinceWarning the partner quit or left after the last warning
 */
record ConversationState(String operator, boolean handedOver, boolean qualified, int warnings, Instant lastWarning,
                         boolean leftSinceWarning) {
    static final String TAKEN_OVER = "taken over by ";
    static final String HANDED_BACK = "handed back to the bot by ";
    static final String HANDED_OVER = "handed over to the operators: ";

    static ConversationState of(List<Event> events, List<Flag> flags) {
        String operator = null;
        boolean handedOver = false;
        int warnings = 0;
        Instant lastWarning = null;
        boolean left = false;
        for (Event e : events) {
            switch (e.kind()) {
                case OPERATOR -> {
                    if (e.detail().startsWith(TAKEN_OVER)) {
                        operator = e.actor();
                    } else if (e.detail().startsWith(HANDED_BACK)) {
                        operator = null;
                        handedOver = false;
                    } else if (e.detail().startsWith(HANDED_OVER)) {
                        handedOver = true;
                    }
                }
                case WARNING -> {
                    warnings++;
                    lastWarning = e.time();
                    left = false;
                }
                case QUIT, PART -> left = lastWarning != null;
                default -> { }
            }
        }
        boolean qualified = flags.stream().anyMatch(f -> f.kind().equals("qualified"));
        return new ConversationState(operator, handedOver, qualified, warnings, lastWarning, left);
    }

    /** The partner has come back since the last warning: left and returned, or wrote again after the gap. */
    boolean returned(Instant now, Duration gap) {
        return lastWarning != null && (leftSinceWarning || !now.isBefore(lastWarning.plus(gap)));
    }

    static boolean isWarning(Event e) {
        return e.kind() == EventKind.WARNING;
    }
}

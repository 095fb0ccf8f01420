package org.sweetie.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Flag;
import org.sweetie.core.Message;

/**
 * Where a conversation stands on the desk, read from what is stored (docs/console.md, "The operators' desk"): the
 * latest of taken over, handed over, warned, qualified, talking, new; and the cues an operator must not miss.
 *
 * @param operator who holds it when taken over, else null
 * @param cues "handed over", "qualified", "returned" (the partner wrote again after leaving or after a warning)
 */
record DeskState(State state, String operator, List<String> cues) {
    enum State {
        NEW("new"), TALKING("talking"), QUALIFIED("qualified"), WARNED("warned"), HANDED_OVER("handed over"),
        TAKEN_OVER("taken over");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    // the words persona.OperatorDesk and the responder write in their operator events
    private static final String TAKEN = "taken over by ";
    private static final String BACK = "handed back to the bot by ";
    private static final String HANDED = "handed over to the operators";

    static DeskState of(List<Message> messages, List<Event> events, List<Flag> flags) {
        String operator = null;
        boolean handedOver = false;
        boolean warned = false;
        Instant left = null;
        for (Event e : events) {
            if (e.kind() == EventKind.OPERATOR) {
                if (e.detail().startsWith(TAKEN)) {
                    operator = e.actor();
                } else if (e.detail().startsWith(BACK)) {
                    operator = null;
                    handedOver = false;
                } else if (e.detail().startsWith(HANDED)) {
                    handedOver = true;
                }
            } else if (e.kind() == EventKind.WARNING) {
                warned = true;
                left = later(left, e.time());
            } else if (e.kind() == EventKind.QUIT || e.kind() == EventKind.PART) {
                left = later(left, e.time());
            }
        }
        boolean qualified = flags.stream().anyMatch(f -> f.kind().equals("qualified"));
        boolean talking = messages.stream().anyMatch(m -> m.author().kind() != AuthorKind.PARTNER);
        Instant since = left;
        boolean returned = since != null && messages.stream()
                .anyMatch(m -> m.author().kind() == AuthorKind.PARTNER && m.time().isAfter(since));
        State state = operator != null ? State.TAKEN_OVER : handedOver ? State.HANDED_OVER
                : warned ? State.WARNED : qualified ? State.QUALIFIED : talking ? State.TALKING : State.NEW;
        List<String> cues = new ArrayList<>();
        if (handedOver && operator == null) {
            cues.add("handed over");
        }
        if (qualified) {
            cues.add("qualified");
        }
        if (returned) {
            cues.add("returned");
        }
        return new DeskState(state, operator, List.copyOf(cues));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}

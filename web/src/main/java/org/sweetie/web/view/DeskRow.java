package org.sweetie.web.view;

import java.util.List;

/**
 * A conversation on the desk: where, with whom, its state and the cues not to miss, how many lines and the last's
 * time. Also sent as JSON to the page's script, which puts each text in with textContent.
 */
public record DeskRow(long id, String network, String persona, String partner, String state, String stateLabel,
                      String operator, List<String> cues, int lines, String last) {
    public DeskRow {
        cues = List.copyOf(cues);
    }
}

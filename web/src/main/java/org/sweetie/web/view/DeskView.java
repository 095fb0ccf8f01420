package org.sweetie.web.view;

import java.util.List;

/**
 * The operators' desk: whether a deployment is behind it, its connections, its conversations by state, and the
 * drafts held for a supervisor ({@code supervisor}: the viewer may approve or reject them).
 */
public record DeskView(boolean live, List<Health> connections, List<Section> sections, List<HeldRow> held,
                       boolean supervisor) {
    public DeskView {
        connections = List.copyOf(connections);
        sections = List.copyOf(sections);
        held = List.copyOf(held);
    }

    /** What the desk and the supervisors' dashboard show live: the networks' health and the held drafts. */
    public Live liveView() {
        return new Live(connections, held, supervisor);
    }

    /** The networks' health and the held drafts ({@code supervisor}: the viewer may approve or reject them). */
    public record Live(List<Health> connections, List<HeldRow> held, boolean supervisor) {
        public Live {
            connections = List.copyOf(connections);
            held = List.copyOf(held);
        }
    }

    /** A persona's connection to a network, up or down. */
    public record Health(Shown persona, Shown network, boolean connected) {
    }

    /** The conversations in one state; {@code key} names the state for the page's script. */
    public record Section(String key, String title, List<DeskRow> rows) {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    /** A held draft: its number, where, who wrote it, what, and why the guard held it. */
    public record HeldRow(long draft, long conversation, Shown author, Shown text, String why, String at) {
    }
}

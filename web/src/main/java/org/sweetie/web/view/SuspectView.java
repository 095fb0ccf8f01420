package org.sweetie.web.view;

import java.util.List;

/**
 * One suspect: the accounts, the links that tie them with the identifiers and where each was seen, what they
 * revealed, and the decisions taken on their links.
 */
public record SuspectView(SuspectRow summary, boolean returnedAfterWarning, int handsOnRisk,
                          List<AccountRow> accounts, List<LinkRow> links, List<RevealedRow> revealed,
                          List<DecisionRow> decisions) {
    public SuspectView {
        accounts = List.copyOf(accounts);
        links = List.copyOf(links);
        revealed = List.copyOf(revealed);
        decisions = List.copyOf(decisions);
    }

    /**
     * An account.
     *
     * @param ref the account as the decision forms send it (HANDLE@NETWORK): only ever in a form's body
     */
    public record AccountRow(String ref, Shown shown, List<Long> conversations) {
        public AccountRow {
            conversations = List.copyOf(conversations);
        }
    }

    /**
     * A link: what ties the accounts (its kind and value) and where it was seen.
     *
     * @param ref the link as the decision forms send it (KIND:VALUE): only ever in a form's body
     */
    public record LinkRow(String ref, String kind, Shown value, List<AccountRow> accounts, List<Seen> seen) {
        public LinkRow {
            accounts = List.copyOf(accounts);
            seen = List.copyOf(seen);
        }
    }

    /** Where something was seen: a conversation and its message (0: from network data, not a message). */
    public record Seen(long conversation, long seq) {
        public String href() {
            return "/conversations/" + conversation + (seq > 0 ? "#m" + seq : "");
        }

        public String label() {
            return "#" + conversation + (seq > 0 ? " message " + seq : "");
        }
    }

    public record RevealedRow(String type, Shown value, Shown account, Seen seen) {
    }

    public record DecisionRow(String time, String analyst, String decision, Shown link, Shown account, Shown note) {
    }
}

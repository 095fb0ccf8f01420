package org.sweetie.web.view;

import java.util.List;

/** A suspect in the list, highest referral priority first. */
public record SuspectRow(int number, int priority, String level, String qualification, List<Shown> accounts,
                         int conversations, int links) {
    public SuspectRow {
        accounts = List.copyOf(accounts);
    }
}

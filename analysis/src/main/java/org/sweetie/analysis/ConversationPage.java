package org.sweetie.analysis;

import java.util.List;

/**
 * One page of a filtered list of conversations.
 *
 * @param shown the conversations on this page
 * @param total how many pass the filter in all
 * @param offset how many come before this page
 * @param limit how many a page holds
 */
public record ConversationPage(List<ConversationSummary> shown, int total, int offset, int limit) {
    public ConversationPage {
        shown = List.copyOf(shown);
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + shown.size() < total;
    }

    /** The page's number, from 1. */
    public int number() {
        return offset / limit + 1;
    }

    public int pages() {
        return Math.max(1, (total + limit - 1) / limit);
    }
}

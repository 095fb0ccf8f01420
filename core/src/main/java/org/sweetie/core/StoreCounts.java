package org.sweetie.core;

/** How much a store holds, for summaries and statistics. */
public record StoreCounts(long personas, long accounts, long conversations, long messages, long events) {
    /** For people: "1 persona, 49 accounts, 46 conversations, 339 messages, 60 events". */
    public String describe() {
        return count(personas, "persona") + ", " + count(accounts, "account") + ", "
                + count(conversations, "conversation") + ", " + count(messages, "message") + ", "
                + count(events, "event");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

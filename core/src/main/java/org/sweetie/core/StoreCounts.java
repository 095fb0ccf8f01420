package org.sweetie.core;

/** How much a store holds, for summaries and statistics. */
public record StoreCounts(long personas, long accounts, long conversations, long messages, long events) {
}

package org.sweetie.core;

/** Seen from the persona: inbound lines come from the partner, outbound lines are the persona's. */
public enum Direction {
    INBOUND,
    OUTBOUND
}

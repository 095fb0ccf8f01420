package org.sweetie.core;

/** The kind of chat network an account lives on. */
public enum Protocol {
    IRC,
    XMPP,
    /** The in-process crowd of synthetic partners used for demos, training and load tests. */
    SANDBOX
}

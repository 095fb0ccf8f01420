package org.sweetie.core;

/** The topics whose initiation is attributed: who raised each first decides whether a conversation is tainted. */
public enum Topic {
    SEXUAL,
    PAYMENT,
    WEBCAM
}

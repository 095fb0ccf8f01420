package org.sweetie.core;

/** The stages of a conversation (BRIEF section 4), each established by the partner's messages. */
public enum Stage {
    /** The persona has stated an age under 18, or the partner refers to her being under 18. */
    AGE_AWARENESS,
    /** The partner asks for nudity, sexual acts, sexual images or a sexual show, or exposes himself. */
    SEXUAL_SOLICITATION,
    /** The partner asks for camera, video call or a live show. */
    WEBCAM_REQUEST,
    /** The partner offers money, credit, mobile load, gifts or any payment. */
    PAYMENT_OFFER,
    /** The partner asks whether she is alone, or to keep the contact secret or delete it. */
    SECRECY
}

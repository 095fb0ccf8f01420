package org.sweetie.core;

/** Who typed a message. The persona's lines are always told apart by bot and by which human operator. */
public enum AuthorKind {
    PARTNER,
    PERSONA_BOT,
    PERSONA_OPERATOR
}

package org.sweetie.persona;

import java.util.Objects;
import org.sweetie.core.Author;

/**
 * A line the persona might send, before the guard has decided on it.
 *
 * @param author the bot, or the operator who typed it
 * @param kind a reply (scripts, operators) or a deterrence warning (its own vetted class)
 * @param partnerSaid the partner's message it answers, or null: an agreement is judged by what it agrees to
 */
public record Draft(String text, Author author, Kind kind, String partnerSaid) {
    public enum Kind { REPLY, WARNING }

    public Draft {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(kind, "kind");
        if (!author.isPersona()) {
            throw new IllegalArgumentException("a draft is written by the persona's bot or an operator");
        }
    }

    public static Draft reply(String text, Author author, String partnerSaid) {
        return new Draft(text, author, Kind.REPLY, partnerSaid);
    }

    public static Draft warning(String text) {
        return new Draft(text, Author.BOT, Kind.WARNING, null);
    }
}

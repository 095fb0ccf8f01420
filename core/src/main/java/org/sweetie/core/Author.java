package org.sweetie.core;

import java.util.Objects;

/**
 * The author of a message. A persona operator always carries the operator's id so that every human line can be
 * attributed; imported logs, whose typists are unknown, use the operator id {@value #IMPORTED_OPERATOR}.
 */
public record Author(AuthorKind kind, String operatorId) {
    public static final String IMPORTED_OPERATOR = "imported";
    public static final Author PARTNER = new Author(AuthorKind.PARTNER, null);
    public static final Author BOT = new Author(AuthorKind.PERSONA_BOT, null);

    public Author {
        Objects.requireNonNull(kind, "kind");
        if (kind == AuthorKind.PERSONA_OPERATOR) {
            operatorId = Text.requireNonBlank(operatorId, "operator id");
        } else if (operatorId != null) {
            throw new IllegalArgumentException("only a persona operator has an operator id");
        }
    }

    public static Author operator(String operatorId) {
        return new Author(AuthorKind.PERSONA_OPERATOR, operatorId);
    }

    public boolean isPersona() {
        return kind != AuthorKind.PARTNER;
    }

    public Direction direction() {
        return isPersona() ? Direction.OUTBOUND : Direction.INBOUND;
    }
}

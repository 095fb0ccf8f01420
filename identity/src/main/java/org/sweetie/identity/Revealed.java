package org.sweetie.identity;

import org.sweetie.core.IdentifierType;

/** An identifier an account revealed, with where. */
public record Revealed(IdentifierType type, String normalized, AccountRef account, Source source) {
}

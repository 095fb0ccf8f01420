package org.sweetie.app;

/**
 * What a command was asked for is not in the store (a conversation, a partner): a failed command (exit 1) with a
 * sentence saying what is missing and where, not a usage error with the whole help text.
 */
final class NotFound extends RuntimeException {
    NotFound(String what, String store) {
        super(what + " in the store " + store);
    }
}

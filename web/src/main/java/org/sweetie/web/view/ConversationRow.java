package org.sweetie.web.view;

/**
 * A conversation in the workbench's list. Everything a partner or a log could have chosen is {@link Shown}.
 *
 * @param channel the channel, or nothing for a private conversation
 * @param when the first and last message's times, or "no messages"
 * @param country the partner's most likely country with its confidence, or "unknown"
 */
public record ConversationRow(long id, Shown network, Shown channel, Shown persona, Shown partner, String when,
                              int messages, int events, String stages, String qualification, String country) {
}

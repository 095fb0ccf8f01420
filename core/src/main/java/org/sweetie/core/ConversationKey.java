package org.sweetie.core;

import java.util.Objects;

/**
 * What makes a conversation one conversation: one persona account and one partner account on one network, either in
 * private or in a channel. The same two accounts talking in private and in a channel hold two conversations, because
 * the evidence differs (who else could read it).
 *
 * @param channel the channel name, or null for a private conversation
 */
public record ConversationKey(Network network, String persona, String personaAccount, String partnerAccount,
                              String channel) {
    public ConversationKey {
        Objects.requireNonNull(network, "network");
        persona = Text.foldHandle(persona);
        personaAccount = Text.foldHandle(personaAccount);
        partnerAccount = Text.foldHandle(partnerAccount);
        if (channel != null && channel.isBlank()) {
            channel = null;
        }
        if (personaAccount.equals(partnerAccount)) {
            throw new IllegalArgumentException("a conversation needs two different accounts: " + partnerAccount);
        }
    }

    public static ConversationKey privateChat(Network network, Persona persona, String partner) {
        return new ConversationKey(network, persona.handle(), persona.handle(), partner, null);
    }

    public static ConversationKey inChannel(Network network, Persona persona, String partner, String channel) {
        return new ConversationKey(network, persona.handle(), persona.handle(), partner, channel);
    }

    public boolean isPrivate() {
        return channel == null;
    }
}

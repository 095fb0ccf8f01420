package org.sweetie.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import org.sweetie.core.Author;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Protocol;

/**
 * One record of the outbound topic: a line the entrapment guard allowed, on its way to the node that holds the
 * persona's connection to the conversation's network. Only {@link KafkaOutlet} (which only the guarded sender uses)
 * makes one; an architecture test checks it.
 */
record OutboundLine(String network, String protocol, String persona, String personaAccount, String partnerAccount,
                    String channel, long conversation, String to, String text, String time, String authorKind,
                    String operatorId, String sender) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    Network networkOf() {
        return new Network(network, Protocol.valueOf(protocol));
    }

    Conversation conversationOf() {
        return new Conversation(conversation, new ConversationKey(networkOf(), persona, personaAccount,
                partnerAccount, channel));
    }

    Message line() {
        return Message.received(Instant.parse(time), new Author(AuthorKind.valueOf(authorKind), operatorId), sender,
                text, null, null);
    }

    /** The key of the outbound topic: the persona's connection to the network. */
    String key() {
        return Partitioning.connectionKey(networkOf(), persona);
    }

    byte[] encode() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode an outbound line", e);
        }
    }

    static OutboundLine decode(byte[] bytes) {
        try {
            return JSON.readValue(bytes, OutboundLine.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Sweetie outbound line: " + e.getMessage(), e);
        }
    }
}

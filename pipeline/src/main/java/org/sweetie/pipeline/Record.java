package org.sweetie.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.sweetie.core.Author;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.EventKind;
import org.sweetie.core.Inbound;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.core.Protocol;

/**
 * One record of the inbound topic, as JSON: what a network reported to a capture node (a partner's line, an event,
 * a nick change), or a line the persona said there, with the node's name and its sequence number, which together
 * make the idempotency key: a writer that gets a record twice stores it once.
 *
 * @param kind said, happened, nick or persona
 * @param persona the persona (a writer stores it when it is new: a writer has no deployment file)
 * @param conversation for a persona's line: the conversation's id in the store and its key's partner and channel
 */
record Record(String node, long seq, String network, String protocol, PersonaFields persona, String kind,
              String time, String partner, String channel, String text, String host, String raw, String sourceId,
              String delayStamp, String eventKind, String detail, String newNick, String authorKind,
              String operatorId, Long conversation) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The persona as the wire carries it. */
    record PersonaFields(String handle, List<String> nicknames, Integer statedAge, String country,
                         List<String> languages, String profileText) {
        static PersonaFields of(Persona p) {
            return new PersonaFields(p.handle(), p.nicknames(), p.statedAge(), p.country(), p.languages(),
                    p.profileText());
        }

        Persona persona() {
            return new Persona(handle, nicknames, statedAge, country, languages, profileText);
        }
    }

    /** The idempotency key: unique per node, and the node's numbers only grow (see {@link Sequence}). */
    String key() {
        return node + "/" + seq;
    }

    static Record of(String node, long seq, Network network, Persona persona, Inbound inbound) {
        PersonaFields p = PersonaFields.of(persona);
        String net = network.name();
        String protocol = network.protocol().name();
        return switch (inbound) {
            case Inbound.Said s -> new Record(node, seq, net, protocol, p, "said", s.time().toString(), s.partner(),
                    s.channel(), s.text(), s.host(), s.raw(), s.sourceId(),
                    s.delayStamp() == null ? null : s.delayStamp().toString(), null, null, null, null, null, null);
            case Inbound.Happened h -> new Record(node, seq, net, protocol, p, "happened", h.time().toString(),
                    h.partner(), h.channel(), null, h.host(), h.raw(), null, null, h.kind().name(), h.detail(), null,
                    null, null, null);
            case Inbound.NickChanged n -> new Record(node, seq, net, protocol, p, "nick", n.time().toString(),
                    n.partner(), null, null, n.host(), n.raw(), null, null, null, null, n.newNick(), null, null,
                    null);
        };
    }

    /** A line the persona said on a node's connection, coming back to be stored in its conversation. */
    static Record said(String node, long seq, Persona persona, Conversation conversation, Message line) {
        ConversationKey key = conversation.key();
        return new Record(node, seq, key.network().name(), key.network().protocol().name(),
                PersonaFields.of(persona), "persona", line.time().toString(), key.partnerAccount(), key.channel(),
                line.text(), null, line.raw(), null, null, null, null, null, line.author().kind().name(),
                line.author().operatorId(), conversation.id());
    }

    Network networkOf() {
        return new Network(network, Protocol.valueOf(protocol));
    }

    boolean isPersonaLine() {
        return "persona".equals(kind);
    }

    Inbound inbound() {
        Instant at = Instant.parse(time);
        return switch (kind) {
            case "said" -> new Inbound.Said(at, partner, channel, text, host, raw, sourceId,
                    delayStamp == null ? null : Instant.parse(delayStamp));
            case "happened" -> new Inbound.Happened(at, partner, channel, EventKind.valueOf(eventKind), detail, host,
                    raw);
            case "nick" -> new Inbound.NickChanged(at, partner, newNick, host, raw);
            default -> throw new IllegalStateException("record " + key() + " is a " + kind + ", not an inbound");
        };
    }

    /** For a persona's line: its conversation's key. */
    ConversationKey conversationKey() {
        Persona p = persona.persona();
        return channel == null ? ConversationKey.privateChat(networkOf(), p, partner)
                : ConversationKey.inChannel(networkOf(), p, partner, channel);
    }

    /** For a persona's line: the message, its idempotency key as its source id. */
    Message personaLine() {
        Author author = new Author(AuthorKind.valueOf(authorKind), operatorId);
        return Message.received(Instant.parse(time), author, persona.handle(), text, raw, key());
    }

    byte[] encode() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode record " + key(), e);
        }
    }

    static Record decode(byte[] bytes) {
        try {
            return JSON.readValue(bytes, Record.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Sweetie pipeline record: " + e.getMessage(), e);
        }
    }
}

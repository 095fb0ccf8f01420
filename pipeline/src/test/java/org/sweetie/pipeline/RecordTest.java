package org.sweetie.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.EventKind;
import org.sweetie.core.Inbound;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;

/** What a node publishes is what a writer reads: every kind of happening, through JSON and back. */
class RecordTest {
    private static final Persona PERSONA = new Persona("sweetie", List.of("Sweetie10", "sweetie_ph"), 10, "PH",
            List.of("en", "tl"), "likes drawing");
    private static final Network NET = Network.irc("testnet");

    @Test
    void everyInboundComesBackAsItWasSent() {
        Random random = new Random(16);
        for (int i = 0; i < 500; i++) {
            Instant at = Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000));
            String partner = "p" + random.nextInt(100) + (random.nextBoolean() ? "[x]" : "ü");
            String channel = random.nextBoolean() ? null : "#room" + random.nextInt(3);
            Inbound inbound = switch (random.nextInt(3)) {
                case 0 -> new Inbound.Said(at, partner, channel, "line \u00e9 " + random.nextLong(), "u@192.0.2.7",
                        random.nextBoolean() ? null : ":" + partner + " PRIVMSG x :y",
                        random.nextBoolean() ? null : "stanza-" + i,
                        random.nextBoolean() ? null : at.minusSeconds(60));
                case 1 -> new Inbound.Happened(at, partner, channel, EventKind.values()[random.nextInt(
                        EventKind.values().length)], "detail " + i, random.nextBoolean() ? null : "h@198.51.100.2",
                        null);
                default -> new Inbound.NickChanged(at, partner, partner + "_", null, "raw " + i);
            };
            Record sent = Record.of("node-a", 1_000L + i, NET, PERSONA, inbound);
            Record read = Record.decode(sent.encode());
            assertThat(read.inbound()).isEqualTo(inbound);
            assertThat(read.networkOf()).isEqualTo(NET);
            assertThat(read.persona().persona()).isEqualTo(PERSONA);
            assertThat(read.key()).isEqualTo("node-a/" + (1_000L + i));
        }
    }

    @Test
    void aPersonasLineComesBackWithItsAuthorConversationAndKey() {
        Conversation conversation = new Conversation(7, ConversationKey.inChannel(NET, PERSONA, "dave", "#room"));
        Message line = Message.received(Instant.parse("2026-12-01T10:00:00Z"), Author.operator("op-3"), "sweetie",
                "hi", null, null);
        Record read = Record.decode(Record.said("node-b", 42, PERSONA, conversation, line).encode());
        assertThat(read.isPersonaLine()).isTrue();
        assertThat(read.conversationKey()).isEqualTo(conversation.key());
        assertThat(read.personaLine().author()).isEqualTo(Author.operator("op-3"));
        assertThat(read.personaLine().text()).isEqualTo("hi");
        assertThat(read.personaLine().sourceId()).isEqualTo("node-b/42");
    }

    @Test
    void aRestartedNodeNumbersAboveItsEarlierRecords() {
        Sequence before = new Sequence(() -> 1_764_000_000_000L);
        long last = 0;
        for (int i = 0; i < 100_000; i++) {
            last = before.next();
        }
        // 100,000 records fit in 100 ms of numbers: a node restarted 100 ms later numbers above all of them
        Sequence later = new Sequence(() -> 1_764_000_000_000L + 100);
        assertThat(later.next()).isGreaterThan(last);
        Sequence tooSoon = new Sequence(() -> 1_764_000_000_000L + 50); // only if it published 1,000 a ms
        assertThat(tooSoon.next()).isLessThan(last);
    }

    @Test
    void somethingElseOnTheTopicIsRefusedWithAReason() {
        assertThatThrownBy(() -> Record.decode("not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Sweetie pipeline record");
    }
}

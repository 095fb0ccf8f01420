package org.sweetie.evidence;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Event;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Persona;
import org.sweetie.store.Stores;

/** A real SQLite store with an evidence log over it, a fresh signing key and a fixed clock. */
abstract class EvidenceFixture {
    static final Persona SWEETIE = new Persona("sweetie10", List.of("Sweetie10"), 10, "PH", List.of("en"), "");
    static final Network LIBERA = Network.irc("libera");
    static final Instant T0 = Instant.parse("2013-10-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0.plus(Duration.ofDays(400)), ZoneOffset.UTC);

    @TempDir
    Path folder;
    ConversationStore raw;
    NoteSigner signer;
    EvidenceLog log;
    ConversationStore store;

    @BeforeEach
    void open() throws Exception {
        signer = KeyFile.loadOrCreate(folder.resolve("evidence.key"));
        reopen(CheckpointPolicy.DEFAULT, null);
    }

    void reopen(CheckpointPolicy policy, TimestampAuthority tsa) {
        if (raw != null) {
            raw.close();
        }
        raw = Stores.open(folder.resolve("store.db").toString());
        raw.persona(SWEETIE);
        log = new EvidenceLog(raw, signer, policy, tsa, CLOCK);
        store = log.recording();
    }

    @AfterEach
    void close() {
        if (raw != null) {
            raw.close();
        }
    }

    Conversation chatWith(String partner) {
        return store.conversation(ConversationKey.privateChat(LIBERA, SWEETIE, partner));
    }

    /** A short synthetic conversation: the partner asks, the persona answers, with a join before. */
    Conversation someConversation(String partner, int messages) {
        Conversation c = chatWith(partner);
        try (var unit = store.appender()) {
            unit.record(c, new Event(T0, EventKind.JOIN, partner, "(~p@198.51.100.7) has joined #kids", null, null));
            for (int i = 0; i < messages; i++) {
                Author author = i % 2 == 0 ? Author.PARTNER : Author.operator("op-1");
                String sender = i % 2 == 0 ? partner : "Sweetie10";
                unit.add(c, Message.received(T0.plusSeconds(i + 1), author, sender, "line " + i + " from " + sender,
                        null, null));
            }
            unit.commit();
        }
        return c;
    }
}

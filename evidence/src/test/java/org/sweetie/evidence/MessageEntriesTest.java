package org.sweetie.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.EvidenceStorage;
import org.sweetie.core.Message;
import org.sweetie.store.StoreKeys;
import org.sweetie.store.Stores;

/**
 * A message's evidence entry is kept as its message row, not as a second copy of the line (docs/evidence.md, 'Where
 * entries are kept'): built again from the row, it must be the very bytes hashed into the tree when it was appended,
 * whatever the line held. Seeded, so a failure repeats.
 */
class MessageEntriesTest extends EvidenceFixture {
    private static final long SEED = 20261201L;

    /** A stored message and the conversation it was added to, as the appender returned it. */
    private record Added(Conversation conversation, Message message) {
    }

    @Test
    void everyMessageEntryIsBuiltAgainToTheBytesItWasAppendedAs() {
        assertRebuiltExactly(raw);
    }

    @Test
    void everyMessageEntryIsBuiltAgainExactlyInASealedStoreToo() {
        raw.close();
        raw = Stores.open(folder.resolve("sealed.db").toString(), StoreKeys.random());
        raw.persona(SWEETIE);
        log = new EvidenceLog(raw, signer, CheckpointPolicy.DEFAULT, null, CLOCK);
        store = log.recording();
        assertRebuiltExactly(raw);
    }

    private void assertRebuiltExactly(org.sweetie.core.ConversationStore opened) {
        List<Added> added = addHostileLines(new Random(SEED), 600);
        EvidenceStorage storage = opened.evidence();

        List<Long> indexes = new ArrayList<>();
        added.stream().map(a -> a.conversation().id()).distinct()
                .forEach(id -> storage.entriesOf(id).forEach(indexes::add));
        List<byte[]> messageBodies = new ArrayList<>();
        for (long index : indexes.stream().sorted().toList()) {
            if (storage.recordedMessage(index).isPresent()) {
                assertThat(storage.entry(index)).as("entry %d is not stored twice", index).isNull();
                messageBodies.add(MerkleLog.body(storage, index));
            }
        }
        assertThat(messageBodies).hasSameSizeAs(added);
        for (int i = 0; i < added.size(); i++) {
            Added a = added.get(i);
            assertThat(messageBodies.get(i)).as("message %d: %s", i, a.message())
                    .isEqualTo(EntryEncoding.encode(Entries.message(a.conversation(), a.message())));
        }

        // the whole tree again from the stored bodies: the same root the log computed as it appended
        List<byte[]> leaves = new ArrayList<>();
        for (long i = 0; i < log.size(); i++) {
            leaves.add(TreeHash.leaf(MerkleLog.body(storage, i)));
        }
        assertThat(rootOf(leaves)).isEqualTo(log.root());
        log.checkpoint();
        EvidenceLog reopened = new EvidenceLog(opened, signer, CheckpointPolicy.DEFAULT, null, CLOCK);
        assertThat(reopened.root()).isEqualTo(log.root());
        assertThat(reopened.checkLatestCheckpoint()).isEmpty();
    }

    @Test
    void aMessageRowChangedAfterwardsIsNeverExportedNorPurgedAsIfItWereWhatWasLogged() throws Exception {
        Conversation c = someConversation("mallory", 40);
        Path genuine = folder.resolve("genuine.zip");
        new BundleWriter(log, CLOCK).write(List.of(c.id()), "test referral", genuine);
        assertThat(BundleVerifier.verify(genuine).entries()).isGreaterThan(40);

        // an edit straight into the database file (an unsealed store keeps the text as written), among the last 16
        // entries: below the stored nodes, where the tree's edge is read back from the entries after a restart
        edit("UPDATE message SET text = 'line 37 from someone else' WHERE conversation_id = ? AND seq = 38", c.id());

        Path forged = folder.resolve("forged.zip");
        assertThatThrownBy(() -> new BundleWriter(log, CLOCK).write(List.of(c.id()), "test referral", forged))
                .hasMessageContaining("does not match message 38 of conversation " + c.id())
                .hasMessageContaining("changed after it was logged");
        assertThat(forged).doesNotExist();
        assertThatThrownBy(() -> log.purge(List.of(c.id()), "retention"))
                .as("a purge would keep a wrong leaf hash for good").hasMessageContaining("does not match");
        assertThat(raw.messages(c.id())).hasSize(40);

        // the tree rests on the logged leaves: reopened, with the changed row among its last entries, it is the same
        byte[] root = log.root();
        log.checkpoint();
        EvidenceLog reopened = new EvidenceLog(raw, signer, CheckpointPolicy.DEFAULT, null, CLOCK);
        assertThat(reopened.root()).isEqualTo(root);
        assertThat(reopened.checkLatestCheckpoint()).isEmpty();
    }

    @Test
    void aChangedPlainColumnIsCaughtInASealedStoreToo() {
        raw.close();
        raw = Stores.open(folder.resolve("store.db").toString() + ".sealed", StoreKeys.random());
        raw.persona(SWEETIE);
        log = new EvidenceLog(raw, signer, CheckpointPolicy.DEFAULT, null, CLOCK);
        store = log.recording();
        Conversation c = someConversation("mallory", 10);

        // times are plain metadata (docs/security.md): the sealed leaf hash is what catches the change
        edit("UPDATE message SET sent_at = sent_at + 1000 WHERE conversation_id = ? AND seq = 2", c.id(),
                folder.resolve("store.db") + ".sealed");

        assertThatThrownBy(() -> new BundleWriter(log, CLOCK).write(List.of(c.id()), "test", folder.resolve("b.zip")))
                .hasMessageContaining("does not match message 2 of conversation " + c.id());
    }

    private void edit(String sql, long conversationId) throws Exception {
        edit(sql, conversationId, folder.resolve("store.db").toString());
    }

    private static void edit(String sql, long conversationId, String file) {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement edit = db.prepareStatement(sql)) {
            edit.setLong(1, conversationId);
            assertThat(edit.executeUpdate()).isOne();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Lines with what chat text can hold: control characters, escapes, lone surrogates, emoji, right-to-left. */
    private List<Added> addHostileLines(Random random, int count) {
        List<Conversation> conversations = List.of(chatWith("alice"), chatWith("b\u00F6b"),
                store.conversation(ConversationKey.inChannel(LIBERA, SWEETIE, "carol", "#kids")));
        List<Added> added = new ArrayList<>();
        int done = 0;
        while (done < count) {
            try (var unit = store.appender()) {
                int batch = 1 + random.nextInt(120);
                for (int i = 0; i < batch && done < count; i++, done++) {
                    Conversation c = conversations.get(random.nextInt(conversations.size()));
                    Instant time = T0.plusSeconds(done).plusNanos(random.nextInt(1_000_000_000));
                    Author author = switch (random.nextInt(3)) {
                        case 0 -> Author.PARTNER;
                        case 1 -> Author.BOT;
                        default -> Author.operator("op-" + hostile(random, 4));
                    };
                    Message m = random.nextInt(5) == 0
                            ? Message.received(time, author, hostile(random, 12), hostile(random, 80),
                                    random.nextBoolean() ? null : hostile(random, 100),
                                    random.nextBoolean() ? null : "id-" + done,
                                    time.minusMillis(random.nextInt(100_000)).minusNanos(random.nextInt(1_000_000)))
                            : Message.received(time, author, hostile(random, 12), hostile(random, 80),
                                    random.nextBoolean() ? null : hostile(random, 100),
                                    random.nextBoolean() ? null : "id-" + done);
                    unit.add(c, m).ifPresent(stored -> added.add(new Added(c, stored)));
                }
                unit.commit();
            }
        }
        return added;
    }

    private static final String[] PIECES = {"\n", "\r", "\\", "\\n", "\u0000", "\u007F", "=", "\uD800", "\uDFFF",
            "\uD83D\uDE00", "\u202E", "\u00E9", "\u4F60", " ", "\t", "naked", "sexy show", "a", "Z", "9"};

    private static String hostile(Random random, int maxPieces) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(4) == 0 ? PIECES[random.nextInt(PIECES.length)]
                    : Character.toString(0x20 + random.nextInt(0x2FF)));
        }
        return s.toString();
    }

    /** RFC 9162's tree head over leaf hashes, written out as the RFC gives it. */
    private static byte[] rootOf(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return TreeHash.node(rootOf(leaves.subList(0, k)), rootOf(leaves.subList(k, leaves.size())));
    }
}

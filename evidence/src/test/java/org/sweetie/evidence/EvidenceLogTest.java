package org.sweetie.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.EvidenceStorage;
import org.sweetie.core.Message;

class EvidenceLogTest extends EvidenceFixture {

    /** Range hashes straight from the stored entries, by the RFC's definition: what the log's tree must equal. */
    Subtrees fromEntries() {
        List<byte[]> leaves = new ArrayList<>();
        for (long i = 0; i < raw.evidence().size(); i++) {
            leaves.add(TreeHash.leaf(log.body(i)));
        }
        return new Subtrees() {
            @Override
            public byte[] hash(long start, long end) {
                long n = end - start;
                if (n == 1) {
                    return leaves.get((int) start);
                }
                long k = TreeHash.split(n);
                return TreeHash.node(hash(start, start + k), hash(start + k, end));
            }
        };
    }

    @Test
    void everyStoredMessageAndEventIsAnEntryInOrder() throws Exception {
        Conversation c = someConversation("alice", 5);

        List<Long> indexes = raw.evidence().entriesOf(c.id());
        assertThat(indexes).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        Entry join = EntryEncoding.decode(log.body(0));
        Entry third = EntryEncoding.decode(log.body(3));
        assertThat(join.kind()).isEqualTo("event");
        assertThat(third.get("seq")).isEqualTo("3");
        assertThat(third.get("text")).isEqualTo("line 2 from alice");
        assertThat(third.get("time")).isEqualTo("2013-10-01T12:00:03.000Z");
        assertThat(EntryEncoding.decode(log.body(2)).get("operator")).isEqualTo("op-1");
    }

    /**
     * Two partners told apart by a lone surrogate only stay two in the store and in the evidence, and each entry
     * names the partner the store keeps (before, the store folded them into one account "a?").
     */
    @Test
    void partnersThatDifferInALoneSurrogateAreTwoInTheStoreAndTheEvidence() throws Exception {
        Conversation high = someConversation("a\uD800", 1);
        Conversation low = someConversation("a\uDBFF", 1);

        assertThat(high.id()).isNotEqualTo(low.id());
        for (Conversation c : List.of(high, low)) {
            Entry said = EntryEncoding.decode(log.body(raw.evidence().entriesOf(c.id()).getLast()));
            assertThat(said.get("partner")).isEqualTo(c.key().partnerAccount());
            assertThat(said.get("sender")).isEqualTo(c.key().partnerAccount());
            assertThat(raw.messages(c.id()).getFirst().sender()).isEqualTo(c.key().partnerAccount());
        }
        assertThat(new String(log.body(raw.evidence().entriesOf(low.id()).getLast()),
                StandardCharsets.UTF_8)).contains("partner=a\\udbff\n").contains("sender=a\\udbff\n");
    }

    @Test
    void theTreeIsTheRfcTreeOverTheEntriesAtEverySizeAndAfterARestart() {
        for (int i = 0; i < 37; i++) {
            store.append(chatWith("p" + (i % 3)), Message.received(T0.plusSeconds(i), Author.PARTNER, "p",
                    "hello " + i, null, null));
            assertThat(log.root()).isEqualTo(fromEntries().hash(0, log.size()));
        }
        byte[] before = log.root();
        reopen(CheckpointPolicy.DEFAULT, null);
        assertThat(log.size()).isEqualTo(37);
        assertThat(log.root()).isEqualTo(before);

        Subtrees stored = log.subtrees();
        for (long size = 1; size <= 37; size++) {
            for (long index = 0; index < size; index++) {
                List<byte[]> proof = Proofs.inclusion(stored, index, size);
                assertThat(ProofVerifier.inclusion(index, size, TreeHash.leaf(log.body(index)), proof,
                        fromEntries().hash(0, size))).isTrue();
            }
            assertThat(ProofVerifier.consistency(size, 37, stored.hash(0, size), before,
                    Proofs.consistency(stored, size, 37))).isTrue();
        }
    }

    @Test
    void aDiscardedUnitLeavesNoEntryAndTheTreeAsItWas() {
        someConversation("alice", 3);
        byte[] root = log.root();
        Conversation c = chatWith("bob");
        try (var unit = store.appender()) {
            for (int i = 0; i < 2_500; i++) {
                unit.add(c, Message.received(T0, Author.PARTNER, "bob", "never kept " + i, null, null));
            }
        }
        assertThat(log.size()).isEqualTo(4);
        assertThat(raw.evidence().size()).isEqualTo(4);
        assertThat(log.root()).isEqualTo(root);
        assertThat(raw.messages(c.id())).isEmpty();
        store.append(c, Message.received(T0, Author.PARTNER, "bob", "kept", null, null));
        assertThat(log.root()).isEqualTo(fromEntries().hash(0, 5));
    }

    @Test
    void checkpointsAreSignedByThePolicyAndEachExtendsTheLast() {
        reopen(new CheckpointPolicy(10, Duration.ofDays(1)), null);
        List<EvidenceStorage.Checkpoint> seen = new ArrayList<>();
        Conversation c = chatWith("alice");
        for (int i = 0; i < 35; i++) {
            store.append(c, Message.received(T0.plusSeconds(i), Author.PARTNER, "alice", "m" + i, null, null));
            raw.evidence().latestCheckpoint().filter(cp -> seen.isEmpty() || seen.getLast().size() != cp.size())
                    .ifPresent(seen::add);
        }
        assertThat(seen).extracting(EvidenceStorage.Checkpoint::size).containsExactly(10L, 20L, 30L);
        for (int i = 0; i < seen.size(); i++) {
            SignedNote note = SignedNote.parse(seen.get(i).signedNote());
            assertThat(log.verifierKey().verifies(note)).isTrue();
            CheckpointText text = CheckpointText.parse(note.text());
            assertThat(text.origin()).isEqualTo(log.verifierKey().name());
            assertThat(text.root()).isEqualTo(fromEntries().hash(0, text.size()));
            if (i > 0) {
                CheckpointText previous = CheckpointText.parse(SignedNote.parse(seen.get(i - 1).signedNote()).text());
                assertThat(ProofVerifier.consistency(previous.size(), text.size(), previous.root(), text.root(),
                        Proofs.consistency(log.subtrees(), previous.size(), text.size()))).isTrue();
            }
        }
        assertThat(log.checkpoint().size()).isEqualTo(35);
        assertThat(log.checkpoint().signedNote().getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }

    @Test
    void theKeyIsKeptAndReadBack() throws Exception {
        NoteSigner again = KeyFile.loadOrCreate(folder.resolve("evidence.key"));
        assertThat(again.verifierKey().toString()).isEqualTo(signer.verifierKey().toString());
        assertThat(java.nio.file.Files.getPosixFilePermissions(folder.resolve("evidence.key")))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }
}

package org.sweetie.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.EvidenceStorage;

/**
 * The append-only evidence log: canonical entries in an RFC 9162 Merkle tree, with C2SP checkpoints signed by the
 * deployment's Ed25519 key and, when a timestamp authority is configured, an RFC 3161 token on each checkpoint.
 *
 * <p>Entries are appended inside the conversation store's units of work ({@link #recording}), so an entry is
 * stored exactly when what it records is.
 */
public final class EvidenceLog {
    private final ConversationStore store;
    private final EvidenceStorage storage;
    private final NoteSigner signer;
    private final CheckpointPolicy policy;
    private final TimestampAuthority tsa;
    private final Clock clock;
    private final MerkleLog tree;
    private long lastCheckpointSize;
    private Instant lastCheckpointTime;
    /** The checkpoint as of the last commit: what a discarded unit of work goes back to. */
    private long committedCheckpointSize;
    private Instant committedCheckpointTime;

    /**
     * @param store the conversation store whose database keeps the log
     * @param tsa the timestamp authority, or null for checkpoints without tokens
     */
    public EvidenceLog(ConversationStore store, NoteSigner signer, CheckpointPolicy policy, TimestampAuthority tsa,
                       Clock clock) {
        this.store = store;
        this.storage = store.evidence();
        this.signer = signer;
        this.policy = policy;
        this.tsa = tsa;
        this.clock = clock;
        this.tree = new MerkleLog(storage);
        Optional<EvidenceStorage.Checkpoint> last = storage.latestCheckpoint();
        this.lastCheckpointSize = last.map(EvidenceStorage.Checkpoint::size).orElse(0L);
        this.lastCheckpointTime = last.map(EvidenceStorage.Checkpoint::createdAt).orElse(clock.instant());
        this.committedCheckpointSize = lastCheckpointSize;
        this.committedCheckpointTime = lastCheckpointTime;
    }

    /** The conversation store with every message and event it stores also appended here. */
    public ConversationStore recording() {
        return new EvidencedStore(store, this);
    }

    /** Appends one entry on its own (an export, an operator action) and commits it; returns its leaf index. */
    public long record(Entry entry, Long conversationId) {
        return recordAll(List.of(entry), conversationId);
    }

    /**
     * Data minimisation: deletes conversations and, in the same transaction, keeps of their evidence entries only
     * the leaf hashes (so every checkpoint and every other entry's proof stays verifiable) and appends a
     * {@code purge} entry saying what was deleted and why, without the deleted content.
     */
    public ConversationStore.Purged purge(List<Long> conversationIds, String reason) {
        try (ConversationStore.Appender unit = store.appender()) {
            try {
                java.util.Map<Long, byte[]> leaves = new java.util.TreeMap<>();
                for (long id : conversationIds) {
                    for (long index : storage.entriesOf(id)) {
                        byte[] body = body(index);
                        if (body != null) {
                            leaves.put(index, TreeHash.leaf(body));
                        }
                    }
                }
                storage.redact(leaves);
                ConversationStore.Purged purged = store.delete(conversationIds);
                Entry entry = Entries.purge(clock.instant(), reason, conversationIds, purged, leaves.size());
                append(List.of(new MerkleLog.Appended(entry.kind(), null, EntryEncoding.encode(entry))));
                beforeCommit();
                unit.commit();
                committed();
                return purged;
            } catch (RuntimeException e) {
                discarded(); // still inside the unit: the writer is ours until the appender closes
                throw e;
            }
        }
    }

    /** Appends entries that stand on their own in one transaction; returns the leaf index of the first. */
    public long recordAll(List<Entry> entries, Long conversationId) {
        try (ConversationStore.Appender unit = store.appender()) {
            try {
                long index = append(entries.stream().map(e -> new MerkleLog.Appended(e.kind(), conversationId,
                        EntryEncoding.encode(e))).toList());
                beforeCommit();
                unit.commit();
                committed();
                return index;
            } catch (RuntimeException e) {
                discarded();
                throw e;
            }
        }
    }

    /**
     * Appends one entry and signs a checkpoint over the whole log in the same transaction: both are stored, or
     * neither. For an entry that must never stand in the log unsigned by this log's key (a signing key hand-over).
     */
    public EvidenceStorage.Checkpoint recordAndSign(Entry entry) {
        try (ConversationStore.Appender unit = store.appender()) {
            try {
                append(List.of(new MerkleLog.Appended(entry.kind(), null, EntryEncoding.encode(entry))));
                EvidenceStorage.Checkpoint checkpoint = checkpointNow();
                unit.commit();
                committed();
                return checkpoint;
            } catch (RuntimeException e) {
                discarded();
                throw e;
            }
        }
    }

    public VerifierKey verifierKey() {
        return signer.verifierKey();
    }

    public long size() {
        return tree.size();
    }

    byte[] root() {
        return tree.root();
    }

    /** Appends entries in the calling thread's unit of work; returns the leaf index of the first. */
    long append(List<MerkleLog.Appended> entries) {
        return tree.append(entries);
    }

    /** Called when the unit of work is about to commit: signs a checkpoint if the policy says it is time. */
    void beforeCommit() {
        Instant now = clock.instant();
        long added = tree.size() - lastCheckpointSize;
        boolean due = added >= policy.everyEntries()
                || added > 0 && !now.isBefore(lastCheckpointTime.plus(policy.everyTime()));
        if (due) {
            checkpointNow();
        }
    }

    void committed() {
        tree.markCommitted();
        committedCheckpointSize = lastCheckpointSize;
        committedCheckpointTime = lastCheckpointTime;
    }

    /**
     * Forgets what a unit of work appended and did not commit. In memory only, so it can run while the unit still
     * holds the writer, before its rollback: run later, it would drop what the next unit (another thread's) has
     * appended meanwhile.
     */
    void discarded() {
        tree.discardUncommitted();
        lastCheckpointSize = committedCheckpointSize;
        lastCheckpointTime = committedCheckpointTime;
    }

    /** Signs (and timestamps) a checkpoint of the whole log now, unless the latest already covers every entry. */
    public EvidenceStorage.Checkpoint checkpoint() {
        // inside a unit of work: no other thread's uncommitted entries can be in the tree while it is signed
        try (ConversationStore.Appender unit = store.appender()) {
            Optional<EvidenceStorage.Checkpoint> last = storage.latestCheckpoint();
            if (last.isPresent() && last.get().size() == tree.size()) {
                return last.get();
            }
            EvidenceStorage.Checkpoint checkpoint = checkpointNow();
            unit.commit();
            committed();
            return checkpoint;
        }
    }

    private EvidenceStorage.Checkpoint checkpointNow() {
        String text = new CheckpointText(signer.verifierKey().name(), tree.size(), tree.root()).text();
        SignedNote note = signer.sign(text);
        byte[] token = tsa == null ? null : tsa.timestamp(note.encoded().getBytes(StandardCharsets.UTF_8));
        EvidenceStorage.Checkpoint checkpoint = new EvidenceStorage.Checkpoint(tree.size(), note.encoded(), token,
                clock.instant());
        storage.saveCheckpoint(checkpoint);
        lastCheckpointSize = checkpoint.size();
        lastCheckpointTime = checkpoint.createdAt();
        return checkpoint;
    }

    /**
     * Whether the stored log still holds what its latest checkpoint signed: the root of its first entries is the one
     * in the checkpoint, and the signature verifies under this log's key. Empty when it does; else what is wrong.
     * A restored backup is checked this way before it is used.
     */
    public Optional<String> checkLatestCheckpoint() {
        Optional<EvidenceStorage.Checkpoint> last = storage.latestCheckpoint();
        if (last.isEmpty()) {
            return tree.size() == 0 ? Optional.empty() : Optional.of("the log has entries but no checkpoint");
        }
        return check(last.get(), signer.verifierKey(), "the latest checkpoint");
    }

    /**
     * Whether the stored log still holds what a checkpoint signed, and {@code key} signed it: empty when so, else
     * what is wrong. For a checkpoint signed before a hand-over (docs/evidence.md), with the old verifier key.
     */
    public Optional<String> check(EvidenceStorage.Checkpoint checkpoint, VerifierKey key) {
        return check(checkpoint, key, "the checkpoint of size " + checkpoint.size());
    }

    private Optional<String> check(EvidenceStorage.Checkpoint checkpoint, VerifierKey key, String named) {
        SignedNote note = SignedNote.parse(checkpoint.signedNote());
        if (!key.verifies(note)) {
            return Optional.of(named + " is not signed by this deployment's key " + key.name());
        }
        CheckpointText text = CheckpointText.parse(note.text());
        if (text.size() > tree.size()) {
            return Optional.of(named + " covers " + text.size() + " entries, the log holds "
                    + tree.size());
        }
        byte[] root = text.size() == 0 ? TreeHash.empty() : subtrees().hash(0, text.size());
        return java.util.Arrays.equals(root, text.root()) ? Optional.empty()
                : Optional.of("the log's first " + text.size() + " entries do not have the root the checkpoint signed");
    }

    /** Range hashes of the stored tree, for proofs. */
    Subtrees subtrees() {
        return Subtrees.fromPerfect((level, index) -> MerkleLog.perfect(storage, level, index));
    }

    EvidenceStorage storage() {
        return storage;
    }

    /** The canonical bytes of a stored entry, or null for a redacted one. */
    byte[] body(long index) {
        return MerkleLog.body(storage, index);
    }
}

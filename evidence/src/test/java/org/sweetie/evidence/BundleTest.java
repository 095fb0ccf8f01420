package org.sweetie.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Conversation;

class BundleTest extends EvidenceFixture {

    Path export(Conversation... conversations) throws Exception {
        Path out = folder.resolve("bundle.zip");
        new BundleWriter(log, CLOCK).write(java.util.Arrays.stream(conversations).map(Conversation::id).toList(),
                "test referral", out);
        return out;
    }

    @Test
    void aBundleVerifiesOfflineAndSaysWhatItHolds() throws Exception {
        Conversation alice = someConversation("alice", 4);
        someConversation("bob", 3);
        Conversation carol = someConversation("carol", 2);

        BundleVerifier.Report report = BundleVerifier.verify(export(alice, carol));

        assertThat(report.messagesByConversation()).containsExactly(Map.entry(alice.id(), 4L),
                Map.entry(carol.id(), 2L));
        assertThat(report.entries()).isEqualTo(5 + 3 + 1);
        assertThat(report.treeSize()).isEqualTo(5 + 4 + 3 + 1);
        assertThat(report.key().toString()).isEqualTo(log.verifierKey().toString());
        assertThat(report.stamp()).isNull();
        assertThat(report.summary()).contains("OK: 9 evidence entries in 2 conversations");

        Map<String, byte[]> files = BundleVerifier.read(folder.resolve("bundle.zip"));
        assertThat(new String(files.get(Bundle.transcriptFile(alice.id(), "txt")), StandardCharsets.UTF_8))
                .contains("#1 < alice: line 0 from alice").contains("#2 > Sweetie10 (operator op-1): line 1");
        assertThat(files).containsKeys(Bundle.README, Bundle.MANIFEST, Bundle.KEY, Bundle.CHECKPOINT);
    }

    /**
     * Every byte of every file, changed: the verifier must fail, whether the manifest was left alone or recomputed
     * by someone covering their tracks. Only the README may change once the manifest is recomputed: it is not
     * evidence.
     */
    @Test
    void changingAnySingleByteOfAnyFileIsNoticed() throws Exception {
        Conversation alice = someConversation("alice", 3);
        Map<String, byte[]> files = BundleVerifier.read(export(alice));
        int tried = 0;
        for (String name : files.keySet()) {
            byte[] original = files.get(name);
            for (int at = 0; at < original.length; at++) {
                Map<String, byte[]> changed = new LinkedHashMap<>(files);
                byte[] bytes = original.clone();
                bytes[at] ^= 0x01;
                changed.put(name, bytes);
                assertFails(changed, name + " byte " + at);
                if (!name.equals(Bundle.README) && !name.equals(Bundle.MANIFEST)) {
                    assertFails(withManifest(changed), name + " byte " + at + " with the manifest recomputed");
                }
                tried++;
            }
        }
        assertThat(tried).isGreaterThan(5_000);
    }

    @Test
    void removingReorderingOrDroppingEntriesIsNoticed() throws Exception {
        Conversation alice = someConversation("alice", 4);
        Map<String, byte[]> files = BundleVerifier.read(export(alice));
        List<Long> indexes = raw.evidence().entriesOf(alice.id());

        Map<String, byte[]> removed = new TreeMap<>(files);
        removed.remove(Bundle.entryFile(indexes.get(2)));
        removed.remove(Bundle.proofFile(indexes.get(2)));
        assertFails(withManifest(removed), "an entry and its proof removed");

        Map<String, byte[]> dropped = new TreeMap<>(files);
        long last = indexes.getLast();
        dropped.remove(Bundle.entryFile(last));
        dropped.remove(Bundle.proofFile(last));
        List<Transcripts.Indexed> kept = indexes.subList(0, indexes.size() - 1).stream()
                .map(i -> new Transcripts.Indexed(i, decode(files.get(Bundle.entryFile(i))))).toList();
        dropped.put(Bundle.transcriptFile(alice.id(), "txt"), Transcripts.text(alice.id(), kept));
        dropped.put(Bundle.transcriptFile(alice.id(), "json"), Transcripts.json(alice.id(), kept));
        assertThatThrownBy(() -> BundleVerifier.verify(withManifest(dropped)))
                .hasMessageContaining("the export names 4 messages, the bundle holds 3");

        Map<String, byte[]> swapped = new TreeMap<>(files);
        swapped.put(Bundle.entryFile(indexes.get(1)), files.get(Bundle.entryFile(indexes.get(2))));
        swapped.put(Bundle.entryFile(indexes.get(2)), files.get(Bundle.entryFile(indexes.get(1))));
        assertFails(withManifest(swapped), "two entries swapped");
        swapped.put(Bundle.proofFile(indexes.get(1)), files.get(Bundle.proofFile(indexes.get(2))));
        swapped.put(Bundle.proofFile(indexes.get(2)), files.get(Bundle.proofFile(indexes.get(1))));
        assertFails(withManifest(swapped), "two entries swapped with their proofs");

        Map<String, byte[]> extra = new TreeMap<>(files);
        extra.put("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertFails(withManifest(extra), "a file added");
    }

    @Test
    void aBundleSignedByAnotherKeyOrNotAZipIsRefused() throws Exception {
        Conversation alice = someConversation("alice", 2);
        Map<String, byte[]> files = BundleVerifier.read(export(alice));
        NoteSigner forger = new NoteSigner(log.verifierKey().name(), NoteSigner.newKeys());
        Map<String, byte[]> forged = new TreeMap<>(files);
        String note = new String(files.get(Bundle.CHECKPOINT), StandardCharsets.UTF_8);
        forged.put(Bundle.CHECKPOINT, forger.sign(SignedNote.parse(note).text()).encoded()
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> BundleVerifier.verify(withManifest(forged)))
                .hasMessageContaining("checkpoint.txt: the signature does not verify");

        Path garbage = Files.write(folder.resolve("garbage.zip"), "not a zip".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> BundleVerifier.verify(garbage)).isInstanceOf(BundleVerifier.BundleException.class);
    }

    @Test
    void checkpointsAreTimestampedByTheConfiguredAuthorityAndTheTokenIsChecked() throws Exception {
        try (LocalTsa tsa = new LocalTsa()) {
            reopen(CheckpointPolicy.DEFAULT, new Rfc3161Client(tsa.url()));
            Conversation alice = someConversation("alice", 2);
            Map<String, byte[]> files = BundleVerifier.read(export(alice));

            assertThat(tsa.requests.get()).isEqualTo(1);
            BundleVerifier.Report report = BundleVerifier.verify(files);
            assertThat(report.stamp()).isNotNull();
            assertThat(report.stamp().authority()).contains("Sweetie Test TSA");
            assertThat(raw.evidence().latestCheckpoint().orElseThrow().timestampToken())
                    .isEqualTo(files.get(Bundle.TIMESTAMP));

            Map<String, byte[]> otherToken = new TreeMap<>(files);
            otherToken.put(Bundle.TIMESTAMP, new Rfc3161Client(tsa.url()).timestamp("other".getBytes()));
            assertThatThrownBy(() -> BundleVerifier.verify(withManifest(otherToken)))
                    .hasMessageContaining("checkpoint.tsr: the token is over other data");
        }
    }

    private static Entry decode(byte[] bytes) {
        try {
            return EntryEncoding.decode(bytes);
        } catch (EntryEncoding.MalformedEntryException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertFails(Map<String, byte[]> files, String what) {
        try {
            BundleVerifier.verify(files);
        } catch (BundleVerifier.BundleException expected) {
            return;
        }
        throw new AssertionError("the bundle still verifies after: " + what);
    }

    /** The manifest as someone covering their tracks would rewrite it. */
    private static Map<String, byte[]> withManifest(Map<String, byte[]> files) {
        Map<String, byte[]> out = new TreeMap<>(files);
        out.remove(Bundle.MANIFEST);
        StringBuilder manifest = new StringBuilder();
        out.forEach((name, bytes) -> manifest.append(HexFormat.of().formatHex(TreeHash.sha256(bytes))).append("  ")
                .append(name).append('\n'));
        out.put(Bundle.MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
        return out;
    }
}

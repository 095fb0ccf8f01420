package org.sweetie.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Author;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationKey;
import org.sweetie.core.Message;
import org.sweetie.core.Network;
import org.sweetie.core.Protocol;

class BundleTest extends EvidenceFixture {
    /** Every bundle a test made, for the independent verifier: genuine ones to accept, tampered ones to refuse. */
    private final List<Path> genuine = new ArrayList<>();
    private final List<Tampered> tampered = new ArrayList<>();

    /** A changed bundle: its files, or its zip when the zip itself is what was changed. */
    record Tampered(String what, Map<String, byte[]> files, Path zip) {
    }

    Path export(Conversation... conversations) throws Exception {
        Path out = folder.resolve("bundle.zip");
        new BundleWriter(log, CLOCK).write(java.util.Arrays.stream(conversations).map(Conversation::id).toList(),
                "test referral", out);
        Path copy = Files.copy(out, folder.resolve("genuine-" + genuine.size() + ".zip"));
        genuine.add(copy);
        return out;
    }

    /**
     * The second verifier, verify-bundle.py, written in Python from docs/evidence.md alone, must agree with this
     * one on every bundle each test made: it accepts the genuine ones and refuses every tampered copy.
     */
    @AfterEach
    void theIndependentVerifierAgrees() throws Exception {
        IndependentVerifier python = new IndependentVerifier(folder);
        assertThat(python.verify(genuine)).allSatisfy(line -> assertThat(line).startsWith("OK: "));
        Path copies = Files.createDirectories(folder.resolve("tampered"));
        for (int from = 0; from < tampered.size(); from += 2_000) {
            List<Tampered> batch = tampered.subList(from, Math.min(tampered.size(), from + 2_000));
            List<Path> zips = new ArrayList<>();
            for (Tampered t : batch) {
                zips.add(t.zip() != null ? t.zip() : copies.resolve(zips.size() + ".zip"));
            }
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).zip() == null) {
                    Files.write(zips.get(i), ZipLayout.zip(batch.get(i).files()));
                }
            }
            List<String> lines = python.verify(zips);
            for (int i = 0; i < batch.size(); i++) {
                assertThat(lines.get(i)).as("verify-bundle.py after: " + batch.get(i).what())
                        .startsWith("FAILED: ").endsWith(" in " + zips.get(i));
            }
        }
    }

    /** The Java verifier refuses the zip, naming why; the tampered copy is kept for the independent verifier. */
    private AbstractThrowableAssert<?, ? extends Throwable> refused(Path zip) {
        tampered.add(new Tampered(zip.getFileName().toString(), null, zip));
        return assertThatThrownBy(() -> BundleVerifier.verify(zip)).isInstanceOf(BundleVerifier.BundleException.class);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refused(Map<String, byte[]> files, String what) {
        tampered.add(new Tampered(what, files, null));
        return assertThatThrownBy(() -> BundleVerifier.verify(files)).as(what)
                .isInstanceOf(BundleVerifier.BundleException.class);
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
            // The README and the script are not evidence, and only the manifest guards them, as it guards every
            // other file byte by byte here: a sample of their bytes is enough.
            int step = name.equals(Bundle.README) || name.equals(Bundle.SCRIPT) ? 61 : 1;
            for (int at = 0; at < original.length; at += step) {
                Map<String, byte[]> changed = new LinkedHashMap<>(files);
                byte[] bytes = original.clone();
                bytes[at] ^= 0x01;
                changed.put(name, bytes);
                assertFails(changed, name + " byte " + at);
                if (!name.equals(Bundle.README) && !name.equals(Bundle.MANIFEST) && !name.equals(Bundle.SCRIPT)) {
                    assertFails(withManifest(changed), name + " byte " + at + " with the manifest recomputed");
                }
                tried++;
            }
        }
        assertThat(tried).isGreaterThan(5_000);
    }

    /**
     * A partner's handle and a channel name are chosen on the network: in the transcript's header they are escaped
     * like the lines below, so a line break cannot add header lines; the entries keep them exactly.
     */
    @Test
    void namesWithLineBreaksAndControlsStayOnTheTranscriptsHeaderLine() throws Exception {
        String partner = "m\r\n#1 < alice: forged\u001b)2J\u009b";
        Conversation c = store.conversation(ConversationKey.inChannel(LIBERA, SWEETIE, partner, "#kids\nroom"));
        try (var unit = store.appender()) {
            unit.add(c, Message.received(T0, Author.PARTNER, "m", "hi", null, null));
            unit.commit();
        }

        Map<String, byte[]> files = BundleVerifier.read(export(c));
        String transcript = new String(files.get(Bundle.transcriptFile(c.id(), "txt")), StandardCharsets.UTF_8);

        assertThat(transcript.lines().findFirst().orElseThrow()).isEqualTo("Conversation " + c.id()
                + " on libera (irc), in #kids\\u000aroom, persona sweetie10 with partner m\\u000d\\u000a#1 < "
                + "alice: forged\\u001b)2j\\u009b");
        assertThat(transcript.lines()).hasSize(4);
        String message = files.entrySet().stream().filter(f -> f.getKey().startsWith("entries/"))
                .map(f -> new String(f.getValue(), StandardCharsets.UTF_8)).filter(e -> e.contains("kind=message"))
                .findFirst().orElseThrow();
        assertThat(message).contains("partner=m\\r\\n#1 < alice: forged\\u001b)2j\u009b\n");
    }

    /** A line a server kept: its entry and both transcripts give when it was received and when it was sent. */
    @Test
    void aDelayStampIsInTheEntryAndTheTranscripts() throws Exception {
        Conversation c = store.conversation(ConversationKey.privateChat(
                new Network("jabber", Protocol.XMPP), SWEETIE, "dave@x.test"));
        try (var unit = store.appender()) {
            unit.add(c, Message.received(T0.plusSeconds(3_600), Author.PARTNER, "dave@x.test", "while you were away",
                    null, "r1", T0));
            unit.add(c, Message.received(T0.plusSeconds(3_601), Author.PARTNER, "dave@x.test", "now", null, "r2"));
            unit.commit();
        }

        Map<String, byte[]> files = BundleVerifier.read(export(c));
        String transcript = new String(files.get(Bundle.transcriptFile(c.id(), "txt")), StandardCharsets.UTF_8);
        assertThat(transcript).contains("] 2013-10-01T13:00:00.000Z #1 < dave@x.test (sent 2013-10-01T12:00:00.000Z): "
                + "while you were away\n").contains("] 2013-10-01T13:00:01.000Z #2 < dave@x.test: now\n");
        assertThat(new String(files.get(Bundle.transcriptFile(c.id(), "json")), StandardCharsets.UTF_8))
                .contains("\"delay_stamp\" : \"2013-10-01T12:00:00.000Z\"");
        assertThat(files.entrySet().stream().filter(f -> f.getKey().startsWith("entries/"))
                .map(f -> new String(f.getValue(), StandardCharsets.UTF_8)).filter(e -> e.contains("kind=message")))
                .filteredOn(e -> e.contains("delay_stamp=")).singleElement().asString()
                .contains("text=while you were away\n").contains("delay_stamp=2013-10-01T12:00:00.000Z\n");
    }

    /** The script, like the README, is not evidence; a changed one is reported, so nobody runs it unread. */
    @Test
    void aChangedVerifierScriptIsNamedInTheReport() throws Exception {
        Map<String, byte[]> files = BundleVerifier.read(export(someConversation("alice", 2)));
        assertThat(files.get(Bundle.SCRIPT)).isEqualTo(Bundle.script());
        assertThat(BundleVerifier.verify(files).summary()).contains("verify-bundle.py is the independent verifier");

        Map<String, byte[]> changed = new TreeMap<>(files);
        changed.put(Bundle.SCRIPT, "print('OK')\n".getBytes(StandardCharsets.UTF_8));

        assertThat(BundleVerifier.verify(withManifest(changed)).summary())
                .contains("verify-bundle.py is NOT the verifier this Sweetie ships: read it before running it");
    }

    /**
     * The attack of issue 14: genuine entries for a reader that walks local headers, then a forged transcript and
     * manifest under a second central directory, which unzip, Python and the JDK's ZipFile read. Refused.
     */
    @Test
    void aSecondCentralDirectoryWithForgedFilesIsRefused() throws Exception {
        Conversation alice = someConversation("alice", 3);
        byte[] genuine = Files.readAllBytes(export(alice));
        Map<String, byte[]> forgedFiles = new TreeMap<>(BundleVerifier.read(folder.resolve("bundle.zip")));
        String transcript = Bundle.transcriptFile(alice.id(), "txt");
        forgedFiles.put(transcript, new String(forgedFiles.get(transcript), StandardCharsets.UTF_8)
                .replace("line 1 from Sweetie10", "the operator's words, forged").getBytes(StandardCharsets.UTF_8));
        ZipLayout forged = ZipLayout.of(ZipLayout.zip(withManifest(forgedFiles)));
        ZipLayout real = ZipLayout.of(genuine);
        Path bundle = Files.write(folder.resolve("two-directories.zip"), new ZipLayout.Writer()
                .raw(Arrays.copyOf(genuine, real.directoryEnd())).entries(forged).finish());

        try (ZipFile asOthersSeeIt = new ZipFile(bundle.toFile())) {
            assertThat(new String(asOthersSeeIt.getInputStream(asOthersSeeIt.getEntry(transcript)).readAllBytes(),
                    StandardCharsets.UTF_8)).contains("forged");
        }
        refused(bundle).hasMessageMatching("\\d+ bytes before \\S+ that no entry of the central directory covers.*");
    }

    @Test
    void bytesBeforeBetweenOrAfterTheEntriesAreRefused() throws Exception {
        byte[] genuine = Files.readAllBytes(export(someConversation("alice", 2)));
        ZipLayout layout = ZipLayout.of(genuine);
        byte[] junk = "MZ hidden bytes".getBytes(StandardCharsets.UTF_8);

        Path prepended = Files.write(folder.resolve("prepended.zip"),
                new ZipLayout.Writer().raw(junk).entries(layout).finish());
        refused(prepended).hasMessageStartingWith(junk.length + " bytes before ");
        Path catenated = Files.write(folder.resolve("catenated.zip"), concat(junk, genuine));
        refused(catenated);

        ZipLayout.Writer interleaved = new ZipLayout.Writer();
        for (int i = 0; i < layout.entries().size(); i++) {
            if (i == 3) {
                interleaved.raw(junk);
            }
            interleaved.entry(layout.entries().get(i), layout.records().get(i));
        }
        Path between = Files.write(folder.resolve("interleaved.zip"), interleaved.finish());
        refused(between).hasMessageStartingWith(junk.length + " bytes before ");

        Path appended = Files.write(folder.resolve("appended.zip"), concat(genuine, junk));
        refused(appended).hasMessage(junk.length + " bytes after the end of the zip");
    }

    @Test
    void aLocalHeaderThatDisagreesWithTheCentralDirectoryIsRefused() throws Exception {
        byte[] genuine = Files.readAllBytes(export(someConversation("alice", 2)));
        ZipLayout layout = ZipLayout.of(genuine);
        byte[] renamed = layout.entries().get(0).clone();
        renamed[30] ^= 0x01; // the first byte of the name in the local header: another file for a streaming reader
        ZipLayout.Writer writer = new ZipLayout.Writer().entry(renamed, layout.records().get(0));
        for (int i = 1; i < layout.entries().size(); i++) {
            writer.entry(layout.entries().get(i), layout.records().get(i));
        }
        Path bundle = Files.write(folder.resolve("renamed.zip"), writer.finish());

        refused(bundle).hasMessageEndingWith(": its local header does not agree with the zip's central directory");
    }

    @Test
    void aTruncatedBundleIsRefusedAndSaysSo() throws Exception {
        byte[] genuine = Files.readAllBytes(export(someConversation("alice", 2)));
        ZipLayout layout = ZipLayout.of(genuine);
        int directory = layout.entries().stream().mapToInt(e -> e.length).sum();
        for (int length : new int[] {genuine.length - 1, genuine.length - 22, directory, genuine.length / 2, 10}) {
            Path cut = Files.write(folder.resolve("cut-" + length + ".zip"), Arrays.copyOf(genuine, length));
            refused(cut).as("cut to %d bytes", length).hasMessageContaining("cut off");
        }
    }

    /** 2 MiB that inflate to 2 GiB: refused from the central directory, before a byte is inflated. */
    @Test
    void aZipBombIsRefusedByTheSizeItDeclares() throws Exception {
        Path bomb = folder.resolve("bomb.zip");
        ZipLayout.bomb(bomb, "conversations/1/transcript.json", 2L << 30, 2L << 30);
        assertThat(Files.size(bomb)).isLessThan(3L << 20);

        refused(bomb).hasMessage("conversations/1/transcript.json: "
                + (2L << 30) + " bytes uncompressed, more than the limit of " + (64L << 20)
                + " for one file (a zip bomb?)");
    }

    /** A bomb that understates its size is inflated only as far as the size it admits to. */
    @Test
    void aZipBombThatUnderstatesItsSizeStopsWhereItsStatedSizeEnds() throws Exception {
        Path bomb = folder.resolve("bomb.zip");
        ZipLayout.bomb(bomb, "conversations/1/transcript.json", 2L << 30, 1_000);

        refused(bomb).hasMessage("conversations/1/transcript.json: "
                + "inflates to more than the 1000 bytes its central directory record says (a zip bomb?)");
    }

    @Test
    void theLimitsOnFilesAndTotalSizeHold() throws Exception {
        Path bundle = export(someConversation("alice", 2));
        BundleVerifier.verify(bundle, new BundleLimits(100, 1 << 20, 1 << 20));

        assertThatThrownBy(() -> BundleVerifier.verify(bundle, new BundleLimits(5, 1 << 20, 1 << 20)))
                .hasMessageMatching("\\d+ files in the zip, more than the limit of 5");
        assertThatThrownBy(() -> BundleVerifier.verify(bundle, new BundleLimits(100, 1 << 20, 2_000)))
                .hasMessageStartingWith("more than the limit of 2000 bytes uncompressed in all files");
    }

    /** A ZIP64 end record that claims millions of files is refused before its directory is read. */
    @Test
    void tooManyFilesAreRefusedBeforeTheirRecordsAreRead() throws Exception {
        ByteBuffer zip = ByteBuffer.allocate(56 + 20 + 22).order(ByteOrder.LITTLE_ENDIAN);
        zip.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(5_000_000).putLong(5_000_000).putLong(0).putLong(0);
        zip.putInt(0x07064b50).putInt(0).putLong(0).putInt(1);
        zip.putInt(0x06054b50).putInt(0).putShort((short) -1).putShort((short) -1).putInt(-1).putInt(-1)
                .putShort((short) 0);
        Path many = Files.write(folder.resolve("many.zip"), zip.array());

        refused(many).hasMessage("5000000 files in the zip, more than the limit of 1000000");
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
        refused(withManifest(dropped), "the last message dropped, transcripts rendered again")
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
        refused(withManifest(forged), "the checkpoint signed by another key")
                .hasMessageContaining("checkpoint.txt: the signature does not verify");

        Path garbage = Files.write(folder.resolve("garbage.zip"), "not a zip".getBytes(StandardCharsets.UTF_8));
        refused(garbage);
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
            refused(withManifest(otherToken), "a timestamp token over other data")
                    .hasMessageContaining("checkpoint.tsr: the token is over other data");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Entry decode(byte[] bytes) {
        try {
            return EntryEncoding.decode(bytes);
        } catch (EntryEncoding.MalformedEntryException e) {
            throw new AssertionError(e);
        }
    }

    private void assertFails(Map<String, byte[]> files, String what) {
        tampered.add(new Tampered(what, files, null));
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

package org.sweetie.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sweetie.core.EvidenceStorage;

/**
 * Writes a referral bundle: a zip that lets a recipient check, offline and without trusting Sweetie, that every
 * message of the exported conversations is complete, unaltered and in order. The export itself is an evidence entry
 * (what was handed over and with how many messages), and a checkpoint is signed over it.
 */
public final class BundleWriter {
    private final EvidenceLog log;
    private final Clock clock;

    public BundleWriter(EvidenceLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** What was written: the conversations, entries and the checkpoint's tree size. */
    public record Written(Path file, int conversations, int entries, long treeSize) {
    }

    public Written write(List<Long> conversationIds, String purpose, Path out) throws IOException {
        EvidenceStorage storage = log.storage();
        Map<Long, List<Transcripts.Indexed>> conversations = new LinkedHashMap<>();
        List<Entries.ExportedConversation> exported = new ArrayList<>();
        for (long id : conversationIds) {
            List<Transcripts.Indexed> entries = new ArrayList<>();
            for (long index : storage.entriesOf(id)) {
                entries.add(new Transcripts.Indexed(index, decode(log.body(index), index)));
            }
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("conversation " + id + " has no evidence entries");
            }
            conversations.put(id, entries);
            long messages = entries.stream().filter(e -> e.entry().kind().equals(Entries.MESSAGE)).count();
            exported.add(new Entries.ExportedConversation(id, messages, entries.size() - messages));
        }
        Entry export = Entries.export(clock.instant(), purpose, exported);
        long exportIndex = log.record(export, null);
        EvidenceStorage.Checkpoint checkpoint = log.checkpoint();

        Map<String, byte[]> files = new TreeMap<>();
        files.put(Bundle.README, Bundle.readme());
        files.put(Bundle.SCRIPT, Bundle.script());
        files.put(Bundle.KEY, (log.verifierKey() + "\n").getBytes(StandardCharsets.UTF_8));
        files.put(Bundle.CHECKPOINT, checkpoint.signedNote().getBytes(StandardCharsets.UTF_8));
        if (checkpoint.timestampToken() != null) {
            files.put(Bundle.TIMESTAMP, checkpoint.timestampToken());
        }
        Subtrees tree = cached(log.subtrees());
        addEntry(files, exportIndex, EntryEncoding.encode(export), tree, checkpoint.size());
        int entryCount = 1;
        for (var conversation : conversations.entrySet()) {
            for (Transcripts.Indexed entry : conversation.getValue()) {
                addEntry(files, entry.index(), EntryEncoding.encode(entry.entry()), tree, checkpoint.size());
                entryCount++;
            }
            files.put(Bundle.transcriptFile(conversation.getKey(), "txt"),
                    Transcripts.text(conversation.getKey(), conversation.getValue()));
            files.put(Bundle.transcriptFile(conversation.getKey(), "json"),
                    Transcripts.json(conversation.getKey(), conversation.getValue()));
        }
        writeZip(files, out);
        return new Written(out, conversations.size(), entryCount, checkpoint.size());
    }

    private static Entry decode(byte[] body, long index) {
        try {
            return EntryEncoding.decode(body);
        } catch (EntryEncoding.MalformedEntryException e) {
            throw new IllegalStateException("stored evidence entry " + index + " is not canonical: " + e.getMessage());
        }
    }

    private static void addEntry(Map<String, byte[]> files, long index, byte[] body, Subtrees tree, long size) {
        files.put(Bundle.entryFile(index), body);
        files.put(Bundle.proofFile(index), Bundle.proof(index, size, Proofs.inclusion(tree, index, size)));
    }

    /** Proofs of neighbouring entries share most hashes: read each from the store once. */
    private static Subtrees cached(Subtrees tree) {
        Map<Long, Map<Long, byte[]>> byStart = new HashMap<>();
        return (start, end) -> byStart.computeIfAbsent(start, s -> new HashMap<>())
                .computeIfAbsent(end, e -> tree.hash(start, end));
    }

    /** The manifest comes last and lists every other file, so `sha256sum -c MANIFEST.sha256` checks them all. */
    private static void writeZip(Map<String, byte[]> files, Path out) throws IOException {
        StringBuilder manifest = new StringBuilder();
        files.forEach((name, bytes) -> manifest.append(HexFormat.of().formatHex(TreeHash.sha256(bytes)))
                .append("  ").append(name).append('\n'));
        Path folder = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            // said of the bundle asked for: the temporary file's name would mean nothing to the user
            throw new IOException("cannot write " + out + ": " + folder + (Files.exists(folder) ? " is not a folder"
                    : " does not exist"));
        }
        if (Files.isDirectory(out)) {
            throw new IOException("cannot write " + out + ": it is a folder");
        }
        Path temporary = Files.createTempFile(folder, ".bundle", ".zip");
        try {
            // buffered: a bundle is two small files per entry, and unbuffered each header and chunk was a system
            // call of its own (two thirds of exporting 10,000 entries, bench evidence)
            try (OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
                 ZipOutputStream zip = new ZipOutputStream(file)) {
                for (var f : files.entrySet()) {
                    put(zip, f.getKey(), f.getValue());
                }
                put(zip, Bundle.MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
            }
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary); // only left when writing or moving failed
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0); // the same bundle content gives the same zip bytes
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}

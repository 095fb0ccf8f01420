package org.sweetie.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sweetie.core.Printable;

/**
 * Verifies a referral bundle with nothing but the bundle: no store, no network. It stops at the first thing that
 * does not hold and names it. The order of the checks is the procedure of docs/evidence.md.
 */
public final class BundleVerifier {
    private static final Pattern NAME = Pattern.compile("\\S+");
    private static final Pattern ENTRY_FILE = Pattern.compile("entries/(\\d{20})\\.entry");
    private static final Pattern PROOF_FILE = Pattern.compile("proofs/(\\d{20})\\.proof");
    private static final Pattern TRANSCRIPT_FILE = Pattern.compile("conversations/(\\d+)/transcript\\.(txt|json)");

    private BundleVerifier() {
    }

    /** The first thing in a bundle that does not hold. */
    public static final class BundleException extends Exception {
        BundleException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What a bundle that holds shows.
     *
     * @param scriptIsOurs whether the bundle's verify-bundle.py is the one this Sweetie ships; null if it has none
     */
    public record Report(VerifierKey key, long treeSize, int entries, Map<Long, Long> messagesByConversation,
                         TimestampTokens.Stamp stamp, Boolean scriptIsOurs) {
        /** For a terminal: what the bundle brought (key name, authority) is escaped, never acted on. */
        public String summary() {
            StringBuilder out = new StringBuilder();
            out.append("OK: ").append(entries).append(" evidence entries in ").append(messagesByConversation.size())
                    .append(" conversations, each entry included in the log of ").append(treeSize)
                    .append(" entries signed by\n    ").append(Printable.of(key.toString())).append('\n');
            messagesByConversation.forEach((id, n) -> out.append("  conversation ").append(id).append(": ")
                    .append(n).append(" messages, complete and in order\n"));
            out.append(stamp == null ? "  no trusted timestamp in the bundle\n"
                    : "  timestamped " + stamp.time() + " by " + Printable.of(stamp.authority()) + " (serial "
                            + stamp.serial()
                            + ")\n");
            if (scriptIsOurs != null) {
                out.append(scriptIsOurs ? "  " + Bundle.SCRIPT + " is the independent verifier this Sweetie ships\n"
                        : "  " + Bundle.SCRIPT + " is NOT the verifier this Sweetie ships: read it before running it\n");
            }
            out.append("Compare the key with the one the sender gave you through another channel.\n");
            return out.toString();
        }
    }

    public static Report verify(Path zip) throws BundleException, IOException {
        return verify(zip, BundleLimits.DEFAULT);
    }

    /** Reads the zip strictly (see {@link BundleZip}) within the limits, then runs the procedure. */
    public static Report verify(Path zip, BundleLimits limits) throws BundleException, IOException {
        return verify(BundleZip.read(zip, limits, BundleVerifier::parsed));
    }

    /** Every file's bytes, for tests and tools that change a bundle and verify it again. */
    static Map<String, byte[]> read(Path zip) throws BundleException, IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        BundleZip.read(zip, BundleLimits.DEFAULT, name -> true).byName()
                .forEach((name, content) -> files.put(name, content.bytes()));
        return files;
    }

    static Report verify(Map<String, byte[]> files) throws BundleException {
        return verify(BundleFiles.of(files));
    }

    /** The files whose bytes the procedure reads; the others it compares by their SHA-256 only. */
    private static boolean parsed(String name) {
        return !name.equals(Bundle.README) && !name.equals(Bundle.SCRIPT) && !TRANSCRIPT_FILE.matcher(name).matches();
    }

    private static Report verify(BundleFiles files) throws BundleException {
        checkManifest(files);
        VerifierKey key = key(files);
        CheckpointText checkpoint = checkpoint(files, key);
        TimestampTokens.Stamp stamp = timestamp(files);
        Map<Long, Entry> entries = entriesWithProofs(files, checkpoint);
        Map<Long, Long> messages = checkCompleteness(entries);
        checkTranscripts(files, entries, messages.keySet());
        return new Report(key, checkpoint.size(), entries.size(), messages, stamp, script(files));
    }

    /** Step 1: every file is listed in the manifest with its SHA-256, and nothing else is in the zip. */
    private static void checkManifest(BundleFiles files) throws BundleException {
        byte[] manifest = require(files, Bundle.MANIFEST);
        String[] lines = text(manifest, Bundle.MANIFEST).split("\n", -1);
        Map<String, byte[]> listed = LinkedHashMap.newLinkedHashMap(lines.length);
        if (!lines[lines.length - 1].isEmpty()) {
            throw new BundleException(Bundle.MANIFEST + ": does not end with a line feed");
        }
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            byte[] hash = line.length() > 66 && line.charAt(64) == ' ' && line.charAt(65) == ' '
                    ? lowerHex(line, 64) : null;
            String name = line.substring(Math.min(66, line.length()));
            if (hash == null || !NAME.matcher(name).matches()) {
                throw new BundleException(Bundle.MANIFEST + ":" + (i + 1) + ": not '<sha256>  <file>'");
            }
            if (listed.put(name, hash) != null) {
                throw new BundleException(Bundle.MANIFEST + ":" + (i + 1) + ": " + name + " listed twice");
            }
        }
        for (var file : listed.entrySet()) {
            BundleFiles.Content content = files.byName().get(file.getKey());
            if (content == null) {
                throw new BundleException(file.getKey() + ": listed in the manifest but missing");
            }
            if (!MessageDigest.isEqual(content.sha256(), file.getValue())) {
                throw new BundleException(file.getKey() + ": its SHA-256 is not the one in the manifest");
            }
        }
        for (String name : files.byName().keySet()) {
            if (!name.equals(Bundle.MANIFEST) && !listed.containsKey(name)) {
                throw new BundleException(name + ": in the bundle but not in the manifest");
            }
        }
    }

    /** Step 2: the verifier key. */
    private static VerifierKey key(BundleFiles files) throws BundleException {
        String text = text(require(files, Bundle.KEY), Bundle.KEY);
        try {
            VerifierKey key = VerifierKey.parse(text);
            if (!text.equals(key + "\n")) {
                throw new BundleException(Bundle.KEY + ": not one verifier key in canonical form and a line feed");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new BundleException(Bundle.KEY + ": " + e.getMessage());
        }
    }

    /** Step 3: the checkpoint is a note signed by that key, naming the key's log. */
    private static CheckpointText checkpoint(BundleFiles files, VerifierKey key) throws BundleException {
        String encoded = text(require(files, Bundle.CHECKPOINT), Bundle.CHECKPOINT);
        try {
            SignedNote note = SignedNote.parse(encoded);
            if (!note.encoded().equals(encoded)) {
                throw new BundleException(Bundle.CHECKPOINT + ": not a signed note in canonical form");
            }
            if (!key.verifies(note)) {
                throw new BundleException(Bundle.CHECKPOINT + ": the signature does not verify with " + key);
            }
            CheckpointText checkpoint = CheckpointText.parse(note.text());
            if (!checkpoint.origin().equals(key.name())) {
                throw new BundleException(Bundle.CHECKPOINT + ": the origin " + checkpoint.origin()
                        + " is not the key's log " + key.name());
            }
            return checkpoint;
        } catch (IllegalArgumentException e) {
            throw new BundleException(Bundle.CHECKPOINT + ": " + e.getMessage());
        }
    }

    /** Step 4: the timestamp token, when there is one, is over the checkpoint. */
    private static TimestampTokens.Stamp timestamp(BundleFiles files) throws BundleException {
        if (!files.has(Bundle.TIMESTAMP)) {
            return null;
        }
        try {
            return TimestampTokens.check(require(files, Bundle.TIMESTAMP), require(files, Bundle.CHECKPOINT));
        } catch (TimestampTokens.InvalidTokenException e) {
            throw new BundleException(Bundle.TIMESTAMP + ": " + e.getMessage());
        }
    }

    /**
     * Step 5: each entry is canonical and its proof includes it in the checkpoint's tree. Each entry is checked on
     * its own, so all are checked in parallel; the failure reported is still the first in the zip's order.
     */
    private static Map<Long, Entry> entriesWithProofs(BundleFiles files, CheckpointText checkpoint)
            throws BundleException {
        List<String> entryNames = new ArrayList<>();
        for (String name : files.byName().keySet()) {
            Matcher entryName = ENTRY_FILE.matcher(name);
            Matcher proofName = PROOF_FILE.matcher(name);
            if (name.startsWith("entries/") && entryName.matches()) {
                entryNames.add(name);
            } else if (name.startsWith("proofs/") && proofName.matches()) {
                if (!files.has(Bundle.entryFile(Long.parseLong(proofName.group(1))))) {
                    throw new BundleException(name + ": a proof without its entry");
                }
            } else if (!isKnownFile(name)) {
                throw new BundleException(name + ": not a file a bundle has");
            }
        }
        List<Checked<Entry>> checked = entryNames.parallelStream().map(name -> {
            long index = Long.parseLong(name.substring("entries/".length(), name.length() - ".entry".length()));
            try {
                return new Checked<>(index, includedEntry(files, name, index, checkpoint), null);
            } catch (BundleException e) {
                return new Checked<Entry>(index, null, e);
            }
        }).toList();
        Map<Long, Entry> entries = new TreeMap<>();
        for (Checked<Entry> c : checked) {
            entries.put(c.index(), c.value());
        }
        Checked.throwFirst(checked);
        return entries;
    }

    /** What checking one item of many in parallel gave: a value, or the reason it does not hold. */
    private record Checked<T>(long index, T value, BundleException failure) {
        static void throwFirst(List<? extends Checked<?>> checked) throws BundleException {
            for (Checked<?> c : checked) {
                if (c.failure() != null) {
                    throw c.failure();
                }
            }
        }
    }

    private static Entry includedEntry(BundleFiles files, String name, long index, CheckpointText checkpoint)
            throws BundleException {
        byte[] body = require(files, name);
        Entry entry;
        try {
            entry = EntryEncoding.decode(body);
        } catch (EntryEncoding.MalformedEntryException e) {
            throw new BundleException(name + ": " + e.getMessage());
        }
        String proofName = Bundle.proofFile(index);
        List<byte[]> hashes = proofHashes(require(files, proofName), proofName, index, checkpoint.size());
        if (!ProofVerifier.inclusion(index, checkpoint.size(), TreeHash.leaf(body), hashes, checkpoint.root())) {
            throw new BundleException(name + ": not included in the signed tree (its proof does not verify)");
        }
        return entry;
    }

    /**
     * proofs/N.proof: {@code leaf N}, {@code tree S}, then one SHA-256 in lower-case hex per line. Read as bytes,
     * without strings or patterns, since it runs once for every entry of the bundle.
     */
    private static List<byte[]> proofHashes(byte[] proof, String name, long index, long size)
            throws BundleException {
        byte[] head = ("leaf " + index + "\ntree " + size + "\n").getBytes(StandardCharsets.US_ASCII);
        int line = 2 * TreeHash.SIZE + 1;
        if (proof.length < head.length || !Arrays.equals(proof, 0, head.length, head, 0, head.length)
                || (proof.length - head.length) % line != 0) {
            throw new BundleException(name + ": not 'leaf " + index + "', 'tree " + size + "' and hashes");
        }
        List<byte[]> hashes = new ArrayList<>((proof.length - head.length) / line);
        for (int at = head.length; at < proof.length; at += line) {
            byte[] hash = new byte[TreeHash.SIZE];
            boolean hex = proof[at + line - 1] == '\n';
            for (int i = 0; i < TreeHash.SIZE && hex; i++) {
                int high = lowerHex(proof[at + 2 * i]);
                int low = lowerHex(proof[at + 2 * i + 1]);
                hex = high >= 0 && low >= 0;
                hash[i] = (byte) (high << 4 | low);
            }
            if (!hex) {
                throw new BundleException(name + ":" + (3 + hashes.size()) + ": not a SHA-256 in hex");
            }
            hashes.add(hash);
        }
        return hashes;
    }

    /** {@code digits} lower-case hex digits as bytes, or null when they are not. */
    private static byte[] lowerHex(String s, int digits) {
        byte[] bytes = new byte[digits / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = lowerHex((byte) s.charAt(2 * i));
            int low = lowerHex((byte) s.charAt(2 * i + 1));
            if (high < 0 || low < 0 || s.charAt(2 * i) > 0x7f || s.charAt(2 * i + 1) > 0x7f) {
                return null;
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    private static int lowerHex(byte c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** Step 6: the export entry names every conversation, and each has all its messages, 1..n, in order. */
    private static Map<Long, Long> checkCompleteness(Map<Long, Entry> entries) throws BundleException {
        List<Entry> exports = entries.values().stream().filter(e -> e.kind().equals(Entries.EXPORT)).toList();
        if (exports.size() != 1) {
            throw new BundleException("the bundle must hold exactly one export entry, it holds " + exports.size());
        }
        Map<Long, Long> messages = new TreeMap<>();
        Map<Long, Long> events = new TreeMap<>();
        for (String value : exports.getFirst().all("conversation")) {
            Entries.ExportedConversation c;
            try {
                c = Entries.ExportedConversation.parse(value);
            } catch (IllegalArgumentException e) {
                throw new BundleException("the export entry: " + e.getMessage());
            }
            messages.put(c.id(), c.messages());
            events.put(c.id(), c.events());
        }
        Map<Long, Long> nextSeq = new TreeMap<>();
        Map<Long, Long> eventsSeen = new TreeMap<>();
        for (var indexed : entries.entrySet()) {
            Entry e = indexed.getValue();
            if (e.kind().equals(Entries.EXPORT)) {
                continue;
            }
            long conversation = number(e.get("conversation"), indexed.getKey(), "conversation");
            if (!messages.containsKey(conversation)) {
                throw new BundleException(Bundle.entryFile(indexed.getKey()) + ": of conversation " + conversation
                        + ", which the export does not name");
            }
            if (e.kind().equals(Entries.MESSAGE)) {
                long expected = nextSeq.merge(conversation, 1L, Long::sum);
                if (number(e.get("seq"), indexed.getKey(), "seq") != expected) {
                    throw new BundleException("conversation " + conversation + ": message " + expected
                            + " is missing or out of order (entry " + indexed.getKey() + " is #" + e.get("seq") + ")");
                }
            } else {
                eventsSeen.merge(conversation, 1L, Long::sum);
            }
        }
        for (var c : messages.entrySet()) {
            long seen = nextSeq.getOrDefault(c.getKey(), 0L);
            if (seen != c.getValue()) {
                throw new BundleException("conversation " + c.getKey() + ": the export names " + c.getValue()
                        + " messages, the bundle holds " + seen);
            }
            if (!eventsSeen.getOrDefault(c.getKey(), 0L).equals(events.get(c.getKey()))) {
                throw new BundleException("conversation " + c.getKey() + ": the export names " + events.get(c.getKey())
                        + " events, the bundle holds " + eventsSeen.getOrDefault(c.getKey(), 0L));
            }
        }
        return messages;
    }

    /**
     * Step 7: each transcript says exactly what the conversation's entries say. The entries are grouped by
     * conversation in one pass, so this is linear in the bundle's size however many conversations it holds.
     */
    private static void checkTranscripts(BundleFiles files, Map<Long, Entry> entries, Set<Long> ids)
            throws BundleException {
        Map<Long, List<Transcripts.Indexed>> byConversation = new HashMap<>();
        ids.forEach(id -> byConversation.put(id, new ArrayList<>()));
        entries.forEach((index, e) -> {
            if (!e.kind().equals(Entries.EXPORT)) {
                // checkCompleteness has made sure every other entry names a conversation of the export
                byConversation.get(Long.parseLong(e.get("conversation"))).add(new Transcripts.Indexed(index, e));
            }
        });
        // rendering is most of the work, and each conversation is rendered on its own: in parallel
        Checked.throwFirst(ids.stream().toList().parallelStream().map(id -> {
            List<Transcripts.Indexed> own = byConversation.get(id);
            try {
                compare(files, Bundle.transcriptFile(id, "txt"), Transcripts.text(id, own));
                compare(files, Bundle.transcriptFile(id, "json"), Transcripts.json(id, own));
                return new Checked<>(id, id, null);
            } catch (BundleException e) {
                return new Checked<>(id, id, e);
            }
        }).toList());
        for (String name : files.byName().keySet()) {
            Matcher m = TRANSCRIPT_FILE.matcher(name);
            if (m.matches() && !ids.contains(Long.parseLong(m.group(1)))) {
                throw new BundleException(name + ": a transcript of a conversation the export does not name");
            }
        }
    }

    /** Compared by SHA-256, which the zip reader computed as it inflated, so transcripts are never held. */
    private static void compare(BundleFiles files, String name, byte[] expected) throws BundleException {
        BundleFiles.Content content = files.byName().get(name);
        if (content == null) {
            throw new BundleException(name + ": missing");
        }
        if (!MessageDigest.isEqual(content.sha256(), TreeHash.sha256(expected))) {
            throw new BundleException(name + ": does not say what the signed entries say");
        }
    }

    /** Whether the bundle's own verifier script is the one this Sweetie ships (null when it has none). */
    private static Boolean script(BundleFiles files) throws BundleException {
        BundleFiles.Content content = files.byName().get(Bundle.SCRIPT);
        if (content == null) {
            return null;
        }
        return MessageDigest.isEqual(content.sha256(), TreeHash.sha256(Bundle.script()));
    }

    private static boolean isKnownFile(String name) {
        return name.equals(Bundle.MANIFEST) || name.equals(Bundle.README) || name.equals(Bundle.SCRIPT)
                || name.equals(Bundle.KEY)
                || name.equals(Bundle.CHECKPOINT) || name.equals(Bundle.TIMESTAMP)
                || TRANSCRIPT_FILE.matcher(name).matches();
    }

    private static long number(String value, long index, String field) throws BundleException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BundleException(Bundle.entryFile(index) + ": " + field + " is not a number");
        }
    }

    private static byte[] require(BundleFiles files, String name) throws BundleException {
        BundleFiles.Content content = files.byName().get(name);
        if (content == null) {
            throw new BundleException(name + ": missing");
        }
        return content.bytes();
    }

    private static String text(byte[] bytes, String name) throws BundleException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
            throw new BundleException(name + ": not UTF-8");
        }
        return text;
    }
}

package org.sweetie.evidence;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.sweetie.evidence.BundleVerifier.BundleException;

/**
 * Reads a bundle's zip as unzip, Windows, Python and the JDK's ZipFile read it, by its central directory, and refuses
 * any zip that another reader could see differently (docs/evidence.md, section 7). The end record must end the file;
 * every local header must agree with its central directory record; the entries, each with its data and data
 * descriptor, must follow each other from byte 0 to the central directory with no byte before, between or after
 * them, so no second set of files can hide in the zip for a reader that walks it front to back. Every entry is
 * inflated as a stream within {@link BundleLimits}, never past its declared size, and must match its CRC-32 and
 * sizes. One sequential pass: time linear in the zip's size.
 */
final class BundleZip {
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int END64 = 0x06064b50;
    private static final int LOCATOR64 = 0x07064b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int END_SIZE = 22;
    private static final int END64_SIZE = 56;
    private static final int LOCATOR64_SIZE = 20;
    private static final long MAGIC32 = 0xFFFF_FFFFL;
    private static final int MAGIC16 = 0xFFFF;
    private static final int ENCRYPTED = 1;
    private static final int HAS_DESCRIPTOR = 1 << 3;
    private static final int STRONG_ENCRYPTION = 1 << 6;
    private static final int MASKED_HEADERS = 1 << 13;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    private final FileChannel channel;
    private final long size;
    private final BundleLimits limits;

    private BundleZip(FileChannel channel, BundleLimits limits) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        this.limits = limits;
    }

    /** A central directory record: what every reader of the zip will take the entry to be. */
    private record Member(String name, byte[] rawName, int versionNeeded, int flags, int method, long dosTime,
                          long crc, long compressedSize, long size, long offset) {
        boolean hasDescriptor() {
            return (flags & HAS_DESCRIPTOR) != 0;
        }
    }

    /** Where the central directory is and how many records it holds, from the end record(s). */
    private record Directory(long offset, long length, long records) {
    }

    /** Reads every file of the zip; {@code keep} says which files' bytes the caller needs (the rest are hashed). */
    static BundleFiles read(Path zip, BundleLimits limits, Predicate<String> keep)
            throws BundleException, IOException {
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            BundleZip reader = new BundleZip(channel, limits);
            Directory directory = reader.directory();
            List<Member> members = reader.members(directory);
            return reader.contents(members, directory, keep);
        }
    }

    /** The end of central directory record, which must end the file (Sweetie writes no zip comment). */
    private Directory directory() throws IOException, BundleException {
        if (size < END_SIZE) {
            throw new BundleException("not a zip: " + size + " bytes, too short for one (cut off?)");
        }
        ByteBuffer end = at(size - END_SIZE, END_SIZE);
        if (end.getInt(0) != END || end.getShort(20) != 0) {
            throw new BundleException(whyNoEnd());
        }
        int disk = u16(end, 4);
        int directoryDisk = u16(end, 6);
        int recordsHere = u16(end, 8);
        int records = u16(end, 10);
        long length = u32(end, 12);
        long offset = u32(end, 16);
        if (disk != 0 || directoryDisk != 0 || recordsHere != records) {
            throw new BundleException("a zip split across several disks, which a bundle never is");
        }
        if (records != MAGIC16 && length != MAGIC32 && offset != MAGIC32) {
            return checked(new Directory(offset, length, records), size - END_SIZE);
        }
        return zip64Directory(records, length, offset);
    }

    /** Many entries: the counts and offsets are in the ZIP64 end record, found through its locator. */
    private Directory zip64Directory(int records, long length, long offset) throws IOException, BundleException {
        long locatorAt = size - END_SIZE - LOCATOR64_SIZE;
        long recordAt = locatorAt - END64_SIZE;
        if (recordAt < 0) {
            throw new BundleException("the zip's end record points to a ZIP64 end record that is not there");
        }
        ByteBuffer locator = at(locatorAt, LOCATOR64_SIZE);
        ByteBuffer record = at(recordAt, END64_SIZE);
        if (locator.getInt(0) != LOCATOR64 || locator.getInt(4) != 0 || locator.getLong(8) != recordAt
                || locator.getInt(16) != 1 || record.getInt(0) != END64 || record.getLong(4) != END64_SIZE - 12) {
            throw new BundleException("the zip's ZIP64 end record is missing, misplaced or has extra data");
        }
        long recordsHere = record.getLong(24);
        long records64 = record.getLong(32);
        long length64 = record.getLong(40);
        long offset64 = record.getLong(48);
        if (record.getInt(16) != 0 || record.getInt(20) != 0 || recordsHere != records64) {
            throw new BundleException("a zip split across several disks, which a bundle never is");
        }
        if (records != MAGIC16 && records != records64 || length != MAGIC32 && length != length64
                || offset != MAGIC32 && offset != offset64) {
            throw new BundleException("the zip's end record and ZIP64 end record disagree");
        }
        return checked(new Directory(offset64, length64, records64), recordAt);
    }

    /** The central directory ends where the end record starts, and the limits allow its records. */
    private Directory checked(Directory directory, long endStart) throws BundleException {
        if (directory.offset() < 0 || directory.length() < 0 || directory.offset() + directory.length() > endStart) {
            throw new BundleException("the zip's central directory lies outside the file (truncated?)");
        }
        if (directory.offset() + directory.length() != endStart) {
            throw new BundleException((endStart - directory.offset() - directory.length())
                    + " bytes between the zip's central directory and its end record");
        }
        if (directory.records() > limits.files()) {
            throw new BundleException(directory.records() + " files in the zip, more than the limit of "
                    + limits.files());
        }
        if (directory.records() == 0) {
            throw new BundleException("not a bundle: the zip is empty");
        }
        return directory;
    }

    /** Why the last bytes are no end record: cut off, something appended, or not a zip at all. */
    private String whyNoEnd() throws IOException {
        int tail = (int) Math.min(size, END_SIZE + MAGIC16);
        ByteBuffer bytes = at(size - tail, tail);
        for (int i = tail - 4; i >= 0; i--) {
            if (bytes.getInt(i) == END) {
                long after = tail - i - END_SIZE;
                int comment = after < 0 ? 0 : u16(bytes, i + 20);
                if (after < 0 || comment > after) {
                    return "the zip's end record is cut off (the bundle is truncated)";
                }
                return comment == after ? "a zip comment, which Sweetie never writes"
                        : (after - comment) + " bytes after the end of the zip";
            }
        }
        return "no zip end record: not a zip, or its end is cut off (truncated)";
    }

    /** The central directory's records, checked against the limits before anything is inflated. */
    private List<Member> members(Directory directory) throws IOException, BundleException {
        List<Member> members = new ArrayList<>((int) directory.records());
        Set<String> names = HashSet.newHashSet((int) directory.records());
        long declared = 0;
        LittleEndian in = new LittleEndian(stream(directory.offset()), directory.offset());
        try {
            for (long i = 0; i < directory.records(); i++) {
                Member m = member(in);
                if (!names.add(m.name())) {
                    throw new BundleException(m.name() + ": in the zip twice");
                }
                if (m.size() > limits.fileBytes()) {
                    throw new BundleException(m.name() + ": " + m.size() + " bytes uncompressed, more than the "
                            + "limit of " + limits.fileBytes() + " for one file (a zip bomb?)");
                }
                declared += m.size();
                if (declared > limits.totalBytes()) {
                    throw new BundleException("more than the limit of " + limits.totalBytes()
                            + " bytes uncompressed in all files (a zip bomb?), reached at " + m.name());
                }
                members.add(m);
            }
        } catch (EOFException e) {
            throw new BundleException("the zip's central directory is cut off (truncated)");
        }
        if (in.position() != directory.offset() + directory.length()) {
            throw new BundleException("the zip's central directory is " + (in.position() - directory.offset())
                    + " bytes long, its end record says " + directory.length());
        }
        return members;
    }

    private Member member(LittleEndian in) throws IOException, BundleException {
        long at = in.position();
        if (in.u32() != CENTRAL) {
            throw new BundleException("the zip's central directory has no record at byte " + at);
        }
        in.skip(2); // version made by: which system wrote it, nothing a reader acts on
        int versionNeeded = in.u16();
        int flags = in.u16();
        int method = in.u16();
        long dosTime = in.u32();
        long crc = in.u32();
        long compressed = in.u32();
        long uncompressed = in.u32();
        int nameLength = in.u16();
        int extraLength = in.u16();
        int commentLength = in.u16();
        int disk = in.u16();
        in.skip(6); // internal and external attributes: file modes, nothing a verifier acts on
        long offset = in.u32();
        byte[] rawName = in.bytes(nameLength);
        byte[] extra = in.bytes(extraLength);
        in.skip(commentLength);
        String name = name(rawName, at);
        if ((flags & (ENCRYPTED | STRONG_ENCRYPTION | MASKED_HEADERS)) != 0) {
            throw new BundleException(name + ": encrypted, which no bundle file is");
        }
        if (method != STORED && method != DEFLATED) {
            throw new BundleException(name + ": compressed with zip method " + method + ", not stored or deflated");
        }
        if (disk != 0 && disk != MAGIC16) {
            throw new BundleException(name + ": on another disk of a split zip");
        }
        if (uncompressed == MAGIC32 || compressed == MAGIC32 || offset == MAGIC32) {
            long[] values = zip64(extra, name, uncompressed == MAGIC32, compressed == MAGIC32, offset == MAGIC32);
            uncompressed = values[0] < 0 ? uncompressed : values[0];
            compressed = values[1] < 0 ? compressed : values[1];
            offset = values[2] < 0 ? offset : values[2];
        }
        if (method == STORED && compressed != uncompressed) {
            throw new BundleException(name + ": stored, but its compressed and uncompressed sizes differ");
        }
        return new Member(name, rawName, versionNeeded, flags, method, dosTime, crc, compressed, uncompressed,
                offset);
    }

    /** The ZIP64 extra field (id 1) holds, in this order, the sizes and offset that did not fit 4 bytes. */
    private static long[] zip64(byte[] extra, String name, boolean size, boolean compressed, boolean offset)
            throws BundleException {
        ByteBuffer fields = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
        while (fields.remaining() >= 4) {
            int id = u16(fields, fields.position());
            int length = u16(fields, fields.position() + 2);
            fields.position(fields.position() + 4);
            if (length > fields.remaining()) {
                break;
            }
            if (id == 1) {
                long[] values = {-1, -1, -1};
                boolean[] wanted = {size, compressed, offset};
                int read = 0;
                for (int i = 0; i < 3; i++) {
                    if (wanted[i]) {
                        if (read + 8 > length) {
                            throw new BundleException(name + ": its ZIP64 extra field is too short");
                        }
                        values[i] = fields.getLong(fields.position() + read);
                        read += 8;
                        if (values[i] < 0) {
                            throw new BundleException(name + ": a ZIP64 size or offset beyond 2^63");
                        }
                    }
                }
                return values;
            }
            fields.position(fields.position() + length);
        }
        throw new BundleException(name + ": sizes that need a ZIP64 extra field, and none is there");
    }

    private static String name(byte[] raw, long at) throws BundleException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new BundleException("the zip's central directory record at byte " + at + ": a name not in UTF-8");
        }
    }

    /**
     * Walks the entries in file order, from byte 0 to the central directory, each exactly where the one before
     * ends, and inflates each.
     */
    private BundleFiles contents(List<Member> members, Directory directory, Predicate<String> keep)
            throws IOException, BundleException {
        List<Member> inFileOrder = new ArrayList<>(members);
        inFileOrder.sort(Comparator.comparingLong(Member::offset));
        Map<String, BundleFiles.Content> byName = LinkedHashMap.newLinkedHashMap(members.size());
        members.forEach(m -> byName.put(m.name(), null));
        LittleEndian in = new LittleEndian(stream(0), 0);
        Inflation inflation = new Inflation();
        try {
            for (Member m : inFileOrder) {
                if (m.offset() > in.position()) {
                    throw new BundleException((m.offset() - in.position()) + " bytes before " + m.name()
                            + " that no entry of the central directory covers (at byte " + in.position() + ")");
                }
                if (m.offset() < in.position()) {
                    throw new BundleException(m.name() + ": overlaps the zip entry before it");
                }
                checkLocalHeader(in, m);
                byName.put(m.name(), inflation.read(in, m, keep.test(m.name())));
                readDescriptor(in, m);
            }
        } catch (EOFException e) {
            throw new BundleException("the zip's entries are cut off (truncated)");
        } finally {
            inflation.end();
        }
        if (in.position() != directory.offset()) {
            throw new BundleException((directory.offset() - in.position()) + " bytes between the last zip entry "
                    + "and the central directory that no entry covers");
        }
        return new BundleFiles(byName);
    }

    /** The local header says what the central directory says, or another reader would see another file. */
    private static void checkLocalHeader(LittleEndian in, Member m) throws IOException, BundleException {
        if (in.u32() != LOCAL) {
            throw new BundleException(m.name() + ": no local header where the central directory puts it (byte "
                    + m.offset() + ")");
        }
        int versionNeeded = in.u16();
        int flags = in.u16();
        int method = in.u16();
        long dosTime = in.u32();
        long crc = in.u32();
        long compressed = in.u32();
        long uncompressed = in.u32();
        int nameLength = in.u16();
        int extraLength = in.u16();
        byte[] rawName = in.bytes(nameLength);
        in.skip(extraLength);
        boolean sizesAgree = m.hasDescriptor()
                ? crc == 0 && compressed == 0 && uncompressed == 0 || sameSizes(m, crc, compressed, uncompressed)
                : sameSizes(m, crc, compressed, uncompressed);
        if (versionNeeded != m.versionNeeded() || flags != m.flags() || method != m.method()
                || dosTime != m.dosTime() || !Arrays.equals(rawName, m.rawName()) || !sizesAgree) {
            throw new BundleException(m.name() + ": its local header does not agree with the zip's central "
                    + "directory");
        }
    }

    private static boolean sameSizes(Member m, long crc, long compressed, long uncompressed) {
        return crc == m.crc() && compressed == m.compressedSize() && uncompressed == m.size();
    }

    /** After the data of an entry flagged so: optional signature, CRC-32 and the two sizes (4 bytes each here). */
    private static void readDescriptor(LittleEndian in, Member m) throws IOException, BundleException {
        if (!m.hasDescriptor()) {
            return;
        }
        long first = in.u32();
        long crc = first == DESCRIPTOR ? in.u32() : first;
        if (crc != m.crc() || in.u32() != m.compressedSize() || in.u32() != m.size()) {
            throw new BundleException(m.name() + ": its data descriptor does not agree with the zip's central "
                    + "directory");
        }
    }

    /** Inflates entries one after the other with one inflater, hashing each and keeping the bytes asked for. */
    private static final class Inflation {
        private final Inflater inflater = new Inflater(true);
        private final CRC32 crc = new CRC32();
        private final MessageDigest sha256 = TreeHash.sha256();
        private final byte[] input = new byte[1 << 16];
        private final byte[] output = new byte[1 << 16];

        BundleFiles.Content read(LittleEndian in, Member m, boolean keep) throws IOException, BundleException {
            crc.reset();
            inflater.reset();
            // the declared size is within the limits, and nothing past it is ever taken
            byte[] kept = keep ? new byte[(int) m.size()] : null;
            long inflated = 0;
            long remaining = m.compressedSize();
            boolean ended = false;
            while (remaining > 0 || m.method() == DEFLATED && !ended) {
                int chunk = (int) Math.min(input.length, remaining);
                if (chunk > 0) {
                    in.readFully(input, chunk);
                    remaining -= chunk;
                }
                if (m.method() == STORED) {
                    inflated = take(m, input, chunk, inflated, kept);
                    continue;
                }
                if (chunk == 0 && inflater.needsInput()) {
                    throw new BundleException(m.name() + ": its deflated data ends before the end of its stream");
                }
                if (chunk > 0) {
                    inflater.setInput(input, 0, chunk);
                }
                try {
                    int n;
                    while ((n = inflater.inflate(output)) > 0) {
                        inflated = take(m, output, n, inflated, kept);
                    }
                } catch (DataFormatException e) {
                    throw new BundleException(m.name() + ": its deflated data is corrupt");
                }
                if (inflater.needsDictionary()) {
                    throw new BundleException(m.name() + ": its deflated data needs a preset dictionary");
                }
                ended = inflater.finished();
                if (ended && (remaining > 0 || inflater.getRemaining() > 0)) {
                    throw new BundleException(m.name() + ": its deflated stream ends before its compressed size");
                }
            }
            if (inflated != m.size() || crc.getValue() != m.crc()) {
                throw new BundleException(m.name() + ": its data does not match the size and CRC-32 in the zip's "
                        + "central directory");
            }
            return new BundleFiles.Content(sha256.digest(), kept);
        }

        /** Never more than declared: a bomb stops here at the size its central directory record admits to. */
        private long take(Member m, byte[] bytes, int n, long before, byte[] kept) throws BundleException {
            long after = before + n;
            if (after > m.size()) {
                throw new BundleException(m.name() + ": inflates to more than the " + m.size()
                        + " bytes its central directory record says (a zip bomb?)");
            }
            crc.update(bytes, 0, n);
            sha256.update(bytes, 0, n);
            if (kept != null) {
                System.arraycopy(bytes, 0, kept, (int) before, n);
            }
            return after;
        }

        void end() {
            inflater.end();
        }
    }

    private ByteBuffer at(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException();
            }
        }
        return buffer.flip();
    }

    private InputStream stream(long position) throws IOException {
        return Channels.newInputStream(channel.position(position));
    }

    private static int u16(ByteBuffer b, int at) {
        return Short.toUnsignedInt(b.getShort(at));
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }

    /** A little-endian reader with a buffer of its own (headers are read a byte at a time), and its position. */
    private static final class LittleEndian {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int next;
        private int end;
        private long position;

        LittleEndian(InputStream in, long position) {
            this.in = in;
            this.position = position;
        }

        long position() {
            return position;
        }

        int u16() throws IOException {
            int lo = read();
            return lo | read() << 8;
        }

        long u32() throws IOException {
            return u16() | (long) u16() << 16;
        }

        byte[] bytes(int n) throws IOException {
            byte[] b = new byte[n];
            readFully(b, n);
            return b;
        }

        void readFully(byte[] into, int n) throws IOException {
            int done = 0;
            while (done < n) {
                if (next == end) {
                    fill();
                }
                int chunk = Math.min(n - done, end - next);
                System.arraycopy(buffer, next, into, done, chunk);
                next += chunk;
                done += chunk;
            }
            position += n;
        }

        void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                if (next == end) {
                    fill();
                }
                int chunk = (int) Math.min(left, end - next);
                next += chunk;
                left -= chunk;
            }
            position += n;
        }

        private int read() throws IOException {
            if (next == end) {
                fill();
            }
            position++;
            return buffer[next++] & 0xff;
        }

        private void fill() throws IOException {
            int n = in.readNBytes(buffer, 0, buffer.length);
            if (n <= 0) {
                throw new EOFException();
            }
            next = 0;
            end = n;
        }
    }
}

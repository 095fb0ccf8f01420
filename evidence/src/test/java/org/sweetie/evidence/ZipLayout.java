package org.sweetie.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A well-formed zip taken apart into its entries (local header, data, data descriptor) and their central directory
 * records, so that tests can put it together again the way an attacker would: with bytes before, between or after
 * the entries, with a second central directory, or as a zip bomb.
 */
public record ZipLayout(List<byte[]> entries, List<byte[]> records, int directoryEnd) {
    private static final int END_SIZE = 22;

    /** Takes apart a zip without ZIP64 records, as the JDK writes a small bundle. */
    public static ZipLayout of(byte[] zip) {
        ByteBuffer end = le(zip);
        int count = Short.toUnsignedInt(end.getShort(zip.length - END_SIZE + 10));
        int directoryLength = end.getInt(zip.length - END_SIZE + 12);
        int directoryOffset = end.getInt(zip.length - END_SIZE + 16);
        List<byte[]> records = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        ByteBuffer b = le(zip);
        int at = directoryOffset;
        for (int i = 0; i < count; i++) {
            int length = 46 + Short.toUnsignedInt(b.getShort(at + 28)) + Short.toUnsignedInt(b.getShort(at + 30))
                    + Short.toUnsignedInt(b.getShort(at + 32));
            records.add(Arrays.copyOfRange(zip, at, at + length));
            offsets.add(b.getInt(at + 42));
            at += length;
        }
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int next = i + 1 < count ? offsets.get(i + 1) : directoryOffset;
            entries.add(Arrays.copyOfRange(zip, offsets.get(i), next));
        }
        return new ZipLayout(entries, records, directoryOffset + directoryLength);
    }

    /** Writes files as the JDK's ZipOutputStream does (deflate, data descriptors), in the map's order. */
    public static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.NO_COMPRESSION); // still deflate's format; tests write thousands of these
            for (var f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Puts entries and raw bytes one after the other, then a central directory pointing at the entries. */
    public static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<byte[]> records = new ArrayList<>();

        public Writer raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        public Writer entry(byte[] entry, byte[] record) {
            byte[] patched = record.clone();
            le(patched).putInt(42, out.size());
            records.add(patched);
            out.writeBytes(entry);
            return this;
        }

        public Writer entries(ZipLayout layout) {
            for (int i = 0; i < layout.entries().size(); i++) {
                entry(layout.entries().get(i), layout.records().get(i));
            }
            return this;
        }

        public byte[] finish() {
            int offset = out.size();
            records.forEach(out::writeBytes);
            ByteBuffer end = le(new byte[END_SIZE]).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                    .putShort((short) records.size()).putShort((short) records.size())
                    .putInt(out.size() - offset).putInt(offset).putShort((short) 0);
            out.writeBytes(end.array());
            return out.toByteArray();
        }
    }

    /**
     * A one-file zip whose file inflates to {@code inflated} zero bytes (a multiple of 1 MiB) from about a
     * thousandth of that: one compressed MiB of zeros, repeated, then a final empty block. Its central directory
     * record says {@code declared} bytes, which a bomb may understate.
     */
    public static void bomb(Path out, String name, long inflated, long declared) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(new byte[1 << 20]);
        byte[] buffer = new byte[1 << 16];
        int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        deflater.end();
        byte[] mebibyte = Arrays.copyOf(buffer, n);
        byte[] finalBlock = {0x01, 0x00, 0x00, (byte) 0xff, (byte) 0xff};
        long repeats = inflated >> 20;
        long compressed = repeats * mebibyte.length + finalBlock.length;
        byte[] rawName = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer local = le(new byte[30 + rawName.length]).putInt(0x04034b50).putShort((short) 20)
                .putShort((short) 0).putShort((short) 8).putInt(0).putInt(0).putInt((int) compressed)
                .putInt((int) declared).putShort((short) rawName.length).putShort((short) 0).put(rawName);
        ByteBuffer record = le(new byte[46 + rawName.length]).putInt(0x02014b50).putShort((short) 20)
                .putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0).putInt(0)
                .putInt((int) compressed).putInt((int) declared).putShort((short) rawName.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(rawName);
        long directoryOffset = local.capacity() + compressed;
        ByteBuffer end = le(new byte[END_SIZE]).putInt(0x06054b50).putInt(0).putShort((short) 1)
                .putShort((short) 1).putInt(record.capacity()).putInt((int) directoryOffset).putShort((short) 0);
        try (OutputStream file = Files.newOutputStream(out)) {
            file.write(local.array());
            for (long i = 0; i < repeats; i++) {
                file.write(mebibyte);
            }
            file.write(finalBlock);
            file.write(record.array());
            file.write(end.array());
        }
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}

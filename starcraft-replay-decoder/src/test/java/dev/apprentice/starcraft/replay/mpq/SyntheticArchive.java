package dev.apprentice.starcraft.replay.mpq;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.Deflater;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** Builds small MPQ archives in every storage variant, which the real replays (all single-unit bzip2) do not cover. */
final class SyntheticArchive {

    static final int EXISTS = 0x80000000;
    static final int IMPLODE = 0x00000100;
    static final int COMPRESS = 0x00000200;
    static final int ENCRYPTED = 0x00010000;
    static final int FIX_KEY = 0x00020000;
    static final int SINGLE_UNIT = 0x01000000;
    static final int SECTOR_CRC = 0x04000000;

    enum Method { NONE, ZLIB, BZIP2 }

    private record Entry(String name, int fileSize, int flags, IntFunction<byte[]> storedAt) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private byte[] userData;
    private int sectorSizeShift;
    private int hashTableEntries = 16;

    SyntheticArchive userData(byte[] bytes) {
        userData = bytes.clone();
        return this;
    }

    SyntheticArchive sectorSizeShift(int shift) {
        sectorSizeShift = shift;
        return this;
    }

    SyntheticArchive hashTableEntries(int count) {
        hashTableEntries = count;
        return this;
    }

    int sectorSize() {
        return 512 << sectorSizeShift;
    }

    /** Adds a file stored the way a writer would: {@code flags} chooses single unit, encryption, fix key and CRCs. */
    SyntheticArchive file(String name, byte[] content, Method method, int flags) {
        int allFlags = flags | EXISTS | (method == Method.NONE ? 0 : COMPRESS);
        return stored(name, content.length, allFlags, blockOffset -> store(name, content, method, allFlags, blockOffset));
    }

    /** Adds a file whose stored bytes are given as they are, for malformed cases; they may depend on the block offset. */
    SyntheticArchive stored(String name, int fileSize, int flags, IntFunction<byte[]> storedAt) {
        entries.add(new Entry(name, fileSize, flags, storedAt));
        return this;
    }

    byte[] build() {
        int archiveOffset = userData == null ? 0 : 512 * ((16 + userData.length + 511) / 512);
        ByteArrayOutputStream files = new ByteArrayOutputStream();
        int headerSize = 44;
        int[] blocks = new int[entries.size() * 4];
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            int blockOffset = headerSize + files.size();
            byte[] stored = entry.storedAt.apply(blockOffset);
            files.writeBytes(stored);
            blocks[i * 4] = blockOffset;
            blocks[i * 4 + 1] = stored.length;
            blocks[i * 4 + 2] = entry.fileSize;
            blocks[i * 4 + 3] = entry.flags;
        }
        int[] hashes = new int[hashTableEntries * 4];
        Arrays.fill(hashes, -1);
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.get(i).name;
            int slot = MpqCrypto.hash(name, MpqCrypto.HASH_TABLE_INDEX) & (hashTableEntries - 1);
            while (hashes[slot * 4 + 3] != -1) {
                slot = (slot + 1) & (hashTableEntries - 1);
            }
            hashes[slot * 4] = MpqCrypto.hash(name, MpqCrypto.HASH_NAME_A);
            hashes[slot * 4 + 1] = MpqCrypto.hash(name, MpqCrypto.HASH_NAME_B);
            hashes[slot * 4 + 2] = 0;
            hashes[slot * 4 + 3] = i;
        }
        int hashTablePosition = headerSize + files.size();
        int blockTablePosition = hashTablePosition + hashes.length * 4;
        int archiveSize = blockTablePosition + blocks.length * 4;

        ByteBuffer out = ByteBuffer.allocate(archiveOffset + archiveSize).order(ByteOrder.LITTLE_ENDIAN);
        if (userData != null) {
            out.putInt(0x1B51504D).putInt(archiveOffset - 16).putInt(archiveOffset).putInt(userData.length).put(userData);
        }
        out.position(archiveOffset);
        out.putInt(0x1A51504D).putInt(headerSize).putInt(archiveSize).putShort((short) 1)
                .putShort((short) sectorSizeShift).putInt(hashTablePosition).putInt(blockTablePosition)
                .putInt(hashTableEntries).putInt(entries.size()).putLong(0).putShort((short) 0).putShort((short) 0);
        out.put(files.toByteArray());
        out.put(encryptedTable(hashes, MpqCrypto.HASH_TABLE_KEY));
        out.put(encryptedTable(blocks, MpqCrypto.BLOCK_TABLE_KEY));
        return out.array();
    }

    private static byte[] encryptedTable(int[] words, int key) {
        byte[] bytes = littleEndian(words);
        MpqCrypto.encrypt(bytes, 0, bytes.length, key);
        return bytes;
    }

    private byte[] store(String name, byte[] content, Method method, int flags, int blockOffset) {
        boolean encrypted = (flags & ENCRYPTED) != 0;
        int key = encrypted ? MpqCrypto.fileKey(name, blockOffset, content.length, (flags & FIX_KEY) != 0) : 0;
        if ((flags & SINGLE_UNIT) != 0) {
            byte[] unit = method == Method.NONE ? content : compressUnit(content, method);
            if (encrypted) {
                unit = unit.clone();
                MpqCrypto.encrypt(unit, 0, unit.length, key);
            }
            return unit;
        }
        int sectors = (content.length + sectorSize() - 1) / sectorSize();
        List<byte[]> units = new ArrayList<>();
        for (int i = 0; i < sectors; i++) {
            byte[] sector = Arrays.copyOfRange(content, i * sectorSize(), Math.min(content.length, (i + 1) * sectorSize()));
            byte[] unit = method == Method.NONE ? sector : compressUnit(sector, method);
            if (encrypted) {
                unit = unit.clone();
                MpqCrypto.encrypt(unit, 0, unit.length, key + i);
            }
            units.add(unit);
        }
        if (method == Method.NONE) {
            return concat(units);
        }
        boolean crc = (flags & SECTOR_CRC) != 0;
        if (crc) {
            units.add(new byte[4 * sectors]);
        }
        int[] offsets = new int[units.size() + 1];
        offsets[0] = 4 * offsets.length;
        for (int i = 0; i < units.size(); i++) {
            offsets[i + 1] = offsets[i] + units.get(i).length;
        }
        byte[] table = littleEndian(offsets);
        if (encrypted) {
            MpqCrypto.encrypt(table, 0, table.length, key - 1);
        }
        units.add(0, table);
        return concat(units);
    }

    /** A unit as a writer stores it: compressed behind its mask byte when that saves space, else as it is. */
    static byte[] compressUnit(byte[] raw, Method method) {
        byte[] packed = method == Method.ZLIB ? zlib(raw) : bzip2(raw);
        if (packed.length + 1 >= raw.length) {
            return raw;
        }
        byte[] unit = new byte[packed.length + 1];
        unit[0] = (byte) (method == Method.ZLIB ? 0x02 : 0x10);
        System.arraycopy(packed, 0, unit, 1, packed.length);
        return unit;
    }

    static byte[] zlib(byte[] raw) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static byte[] bzip2(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream bz = new BZip2CompressorOutputStream(out)) {
            bz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    static byte[] littleEndian(int... words) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * words.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int word : words) {
            buffer.putInt(word);
        }
        return buffer.array();
    }
}

package dev.apprentice.starcraft.replay.mpq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only MPQ archive held in memory, the container of a StarCraft II replay.
 *
 * <p>Built for untrusted input: every offset and size is checked against the archive's actual length before use,
 * and every problem, from a truncated header to a corrupt bzip2 sector, is reported as an {@link MpqException} naming
 * what was wrong and where. Memory stays bounded: the tables are capped by what fits in the input, and a file is read
 * only if its declared size is at most the configured maximum ({@link #DEFAULT_MAX_FILE_SIZE} unless given) and, when
 * it is compressed, at most {@link #MAX_COMPRESSION_RATIO} times its stored size; no unit may expand beyond its
 * declared size. Reading a file therefore allocates at most about its stored size plus its declared size. Time is
 * bounded too, though not tightly: every bzip2 unit pays the decoder's fixed setup (a few tenths of a millisecond), so
 * a hostile archive made of many tiny sectors costs seconds per megabyte of input.
 *
 * <p>Supported: the user-data block (the replay header), format versions 0 to 3 through the classic hash and block
 * tables, encrypted files (with or without the offset-adjusted key), single-unit files, sector CRC tables (not
 * checked) and the zlib and bzip2 compressions; other compressions and PKWARE-imploded files are refused by name.
 * Instances are immutable and safe to share between threads.
 */
public final class MpqArchive {

    /** The default cap on a file's declared (uncompressed) size: far above any replay file, far below a heap. */
    public static final int DEFAULT_MAX_FILE_SIZE = 64 << 20;

    /**
     * The most a compressed file may declare relative to its stored size. Deflate cannot exceed about 1032:1, and
     * bzip2 does only on degenerate input such as long runs of one byte; replay files compress at most about 7:1.
     */
    public static final int MAX_COMPRESSION_RATIO = 1024;

    private static final int USER_DATA_MAGIC = 0x1B51504D;
    private static final int ARCHIVE_MAGIC = 0x1A51504D;
    private static final int USER_DATA_HEADER_SIZE = 16;
    private static final int HEADER_SIZE_V0 = 32;
    private static final int HEADER_SIZE_V1 = 44;
    /** Format 3 headers carry the stored table sizes, which reveal compressed tables, at these offsets. */
    private static final int HEADER_V3_HASH_TABLE_SIZE = 0x44;
    private static final int HEADER_V3_BLOCK_TABLE_SIZE = 0x4C;
    private static final int MAX_FORMAT_VERSION = 3;
    /** 512 << 21 is 1 GiB; one more shift overflows an int. */
    private static final int MAX_SECTOR_SIZE_SHIFT = 21;
    private static final int ENTRY_SIZE = 16;

    private static final int EMPTY_ENTRY = 0xFFFFFFFF;
    private static final int DELETED_ENTRY = 0xFFFFFFFE;

    private static final int FLAG_IMPLODE = 0x00000100;
    private static final int FLAG_COMPRESS = 0x00000200;
    private static final int FLAG_ENCRYPTED = 0x00010000;
    private static final int FLAG_FIX_KEY = 0x00020000;
    private static final int FLAG_SINGLE_UNIT = 0x01000000;
    private static final int FLAG_SECTOR_CRC = 0x04000000;
    private static final int FLAG_EXISTS = 0x80000000;

    private static final String LISTFILE = "(listfile)";

    private final byte[] data;
    private final int maxFileSize;
    private final byte[] userData;
    private final long archiveOffset;
    private final int sectorSize;
    /** Four words per entry: name hash A, name hash B, locale and platform, block index. */
    private final int[] hashTable;
    /** Four words per entry: offset, stored size, file size, flags. */
    private final int[] blockTable;
    /** The high 16 bits of each block's offset, or null when the archive has none. */
    private final short[] blockOffsetHigh;
    /**
     * The live hash entries as (name hash A, entry index), sorted, and each entry's distance to the next empty entry:
     * together they answer a lookup without walking the probe chain, which a hostile table without empty entries
     * would make as long as the table for every name in a long listfile.
     */
    private final long[] liveEntries;
    private final int[] distanceToEmpty;

    private MpqArchive(byte[] data, int maxFileSize) {
        this.data = data;
        this.maxFileSize = maxFileSize;
        if (data.length < 4) {
            throw new MpqException("not an MPQ archive: only " + data.length + " bytes");
        }
        int magic = u32(0, "the file's magic");
        if (magic == USER_DATA_MAGIC) {
            require(USER_DATA_HEADER_SIZE, "the user-data header");
            long headerOffset = unsigned(u32(8, "the user-data header"));
            long userDataLength = unsigned(u32(12, "the user-data header"));
            if (USER_DATA_HEADER_SIZE + userDataLength > headerOffset) {
                throw new MpqException("corrupt user-data header: " + userDataLength + " bytes of user data at offset 16"
                        + " overlap the archive header at offset " + headerOffset);
            }
            if (headerOffset > data.length) {
                throw new MpqException("truncated archive: the user-data header places the archive header at offset "
                        + headerOffset + ", beyond the end of the " + data.length + "-byte file");
            }
            userData = Arrays.copyOfRange(data, USER_DATA_HEADER_SIZE, USER_DATA_HEADER_SIZE + (int) userDataLength);
            archiveOffset = headerOffset;
        } else if (magic == ARCHIVE_MAGIC) {
            userData = null;
            archiveOffset = 0;
        } else {
            throw new MpqException(String.format("not an MPQ archive: the file starts with %02X %02X %02X %02X,"
                    + " not 4D 50 51 1A (archive) or 4D 50 51 1B (user data)", data[0], data[1], data[2], data[3]));
        }

        String header = "the archive header at offset " + archiveOffset;
        if (archiveOffset + HEADER_SIZE_V0 > data.length) {
            throw new MpqException("truncated archive: " + header + " needs " + HEADER_SIZE_V0 + " bytes, the file has "
                    + (data.length - archiveOffset) + " there");
        }
        int at = (int) archiveOffset;
        if (u32(at, header) != ARCHIVE_MAGIC) {
            throw new MpqException("corrupt archive: no MPQ\\x1A magic at " + header);
        }
        long headerSize = unsigned(u32(at + 4, header));
        int formatVersion = u16(at + 12, header);
        int sectorSizeShift = u16(at + 14, header);
        if (formatVersion > MAX_FORMAT_VERSION) {
            throw new MpqException("unsupported MPQ format version " + formatVersion + " in " + header);
        }
        int minimumHeaderSize = formatVersion == 0 ? HEADER_SIZE_V0 : HEADER_SIZE_V1;
        if (headerSize < minimumHeaderSize) {
            throw new MpqException("corrupt archive: " + header + " declares " + headerSize + " bytes, format version "
                    + formatVersion + " needs at least " + minimumHeaderSize);
        }
        require(archiveOffset + minimumHeaderSize, header);
        if (sectorSizeShift > MAX_SECTOR_SIZE_SHIFT) {
            throw new MpqException("corrupt archive: sector size shift " + sectorSizeShift + " in " + header
                    + " exceeds " + MAX_SECTOR_SIZE_SHIFT);
        }
        sectorSize = 512 << sectorSizeShift;
        long hashTableEntries = unsigned(u32(at + 24, header));
        long blockTableEntries = unsigned(u32(at + 28, header));
        long hashTablePosition = unsigned(u32(at + 16, header));
        long blockTablePosition = unsigned(u32(at + 20, header));
        long blockOffsetHighPosition = 0;
        if (formatVersion >= 1) {
            blockOffsetHighPosition = u64(at + 32, header);
            hashTablePosition |= (long) u16(at + 40, header) << 32;
            blockTablePosition |= (long) u16(at + 42, header) << 32;
        }
        if (hashTableEntries != 0 && Long.bitCount(hashTableEntries) != 1) {
            throw new MpqException("corrupt archive: the hash table has " + hashTableEntries
                    + " entries, not a power of two");
        }
        hashTable = table("hash", hashTablePosition, hashTableEntries, MpqCrypto.HASH_TABLE_KEY);
        blockTable = table("block", blockTablePosition, blockTableEntries, MpqCrypto.BLOCK_TABLE_KEY);
        blockOffsetHigh = blockOffsetHighPosition == 0 ? null : highOffsets(blockOffsetHighPosition, blockTableEntries);
        if (formatVersion >= 3 && headerSize >= HEADER_V3_BLOCK_TABLE_SIZE + 8
                && archiveOffset + HEADER_V3_BLOCK_TABLE_SIZE + 8 <= data.length) {
            refuseCompressedTable("hash", u64(at + HEADER_V3_HASH_TABLE_SIZE, header), hashTableEntries);
            refuseCompressedTable("block", u64(at + HEADER_V3_BLOCK_TABLE_SIZE, header), blockTableEntries);
        }

        int blocks = blockTable.length / 4;
        int entries = hashTable.length / 4;
        int live = 0;
        for (int entry = 0; entry < entries; entry++) {
            int block = hashTable[entry * 4 + 3];
            if (block != EMPTY_ENTRY && block != DELETED_ENTRY) {
                if (block < 0 || block >= blocks) {
                    throw new MpqException("corrupt hash table: entry " + entry + " refers to block " + unsigned(block)
                            + ", but the block table has " + blocks + " entries");
                }
                live++;
            }
        }
        liveEntries = new long[live];
        for (int entry = 0, i = 0; entry < entries; entry++) {
            int block = hashTable[entry * 4 + 3];
            if (block != EMPTY_ENTRY && block != DELETED_ENTRY) {
                liveEntries[i++] = unsigned(hashTable[entry * 4]) << 32 | entry;
            }
        }
        Arrays.sort(liveEntries);
        distanceToEmpty = distancesToEmpty(entries);
    }

    /** For each entry, how many entries a lookup starting there may examine before it meets an empty one. */
    private int[] distancesToEmpty(int entries) {
        int[] distance = new int[entries];
        int firstEmpty = -1;
        for (int entry = 0; entry < entries && firstEmpty < 0; entry++) {
            if (hashTable[entry * 4 + 3] == EMPTY_ENTRY) {
                firstEmpty = entry;
            }
        }
        if (firstEmpty < 0) {
            Arrays.fill(distance, entries);
            return distance;
        }
        // Walk backwards around the ring from an empty entry, so each entry sees its successor's distance.
        for (int step = 1; step <= entries; step++) {
            int entry = Math.floorMod(firstEmpty - step, entries);
            distance[entry] = hashTable[entry * 4 + 3] == EMPTY_ENTRY ? 0 : distance[(entry + 1) % entries] + 1;
        }
        return distance;
    }

    /** Opens an archive held in memory, with the default cap on file sizes; the array is copied. */
    public static MpqArchive open(byte[] archive) {
        return open(archive, DEFAULT_MAX_FILE_SIZE);
    }

    /** Opens an archive held in memory, refusing to read any file that declares more than {@code maxFileSize} bytes. */
    public static MpqArchive open(byte[] archive, int maxFileSize) {
        return new MpqArchive(archive.clone(), checkedMaxFileSize(maxFileSize));
    }

    /** Opens an archive file, reading it whole into memory, with the default cap on file sizes. */
    public static MpqArchive open(Path archive) {
        return open(archive, DEFAULT_MAX_FILE_SIZE);
    }

    /** Opens an archive file, reading it whole into memory; I/O failures are reported as {@link MpqException} too. */
    public static MpqArchive open(Path archive, int maxFileSize) {
        checkedMaxFileSize(maxFileSize);
        byte[] bytes;
        try {
            long size = Files.size(archive);
            if (size > Integer.MAX_VALUE - 8) {
                throw new MpqException(archive + " is too large to read into memory: " + size + " bytes");
            }
            bytes = Files.readAllBytes(archive);
        } catch (IOException e) {
            throw new MpqException("cannot read " + archive + ": " + e, e);
        }
        try {
            return new MpqArchive(bytes, maxFileSize);
        } catch (MpqException e) {
            throw new MpqException(archive + ": " + e.getMessage(), e);
        }
    }

    private static int checkedMaxFileSize(int maxFileSize) {
        if (maxFileSize < 0) {
            throw new IllegalArgumentException("maxFileSize must not be negative: " + maxFileSize);
        }
        return maxFileSize;
    }

    /** The user data before the archive header (for a replay, its versioned header), if the archive has any. */
    public Optional<byte[]> userData() {
        return Optional.ofNullable(userData).map(byte[]::clone);
    }

    /** Whether the archive holds a file of this name (case-insensitive; '/' and '\' are the same separator). */
    public boolean contains(String name) {
        return blockIndex(name) >= 0;
    }

    /** The declared (uncompressed) size of a file, checked against the limits as {@link #read} would. */
    public int fileSize(String name) {
        return block(name).fileSize;
    }

    /** Reads a whole file, decrypted and decompressed; throws if the archive has no such file. */
    public byte[] read(String name) {
        Block block = block(name);
        if (block.fileSize == 0) {
            return new byte[0];
        }
        int key = (block.flags & FLAG_ENCRYPTED) == 0 ? 0
                : MpqCrypto.fileKey(name, block.offsetLow, block.fileSize, (block.flags & FLAG_FIX_KEY) != 0);
        if ((block.flags & FLAG_SINGLE_UNIT) != 0) {
            return readSingleUnit(block, key);
        }
        if ((block.flags & (FLAG_COMPRESS | FLAG_IMPLODE)) != 0) {
            return readSectors(block, key);
        }
        byte[] out = Arrays.copyOfRange(data, block.position, block.position + block.fileSize);
        if ((block.flags & FLAG_ENCRYPTED) != 0) {
            for (int sector = 0; (long) sector * sectorSize < block.fileSize; sector++) {
                int start = sector * sectorSize;
                MpqCrypto.decrypt(out, start, Math.min(sectorSize, block.fileSize - start), key + sector);
            }
        }
        return out;
    }

    /**
     * The names, from the archive's {@code (listfile)}, of the files it holds, in listfile order; empty when it has no
     * listfile. The listfile itself is not listed.
     */
    public List<String> list() {
        if (!contains(LISTFILE)) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String line : new String(read(LISTFILE), StandardCharsets.UTF_8).split("[\r\n]+")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.equalsIgnoreCase(LISTFILE) && contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private byte[] readSingleUnit(Block block, int key) {
        byte[] stored = Arrays.copyOfRange(data, block.position, block.position + block.storedSize);
        if ((block.flags & FLAG_ENCRYPTED) != 0) {
            MpqCrypto.decrypt(stored, 0, stored.length, key);
        }
        if (block.storedSize >= block.fileSize) {
            return stored.length == block.fileSize ? stored : Arrays.copyOf(stored, block.fileSize);
        }
        refuseImploded(block);
        byte[] out = new byte[block.fileSize];
        MpqCompression.decompress(stored, 0, stored.length, out, 0, block.fileSize, "file '" + block.name + "'");
        return out;
    }

    private byte[] readSectors(Block block, int key) {
        boolean encrypted = (block.flags & FLAG_ENCRYPTED) != 0;
        int sectors = (int) ((block.fileSize + (long) sectorSize - 1) / sectorSize);
        long tableEntries = sectors + 1L + ((block.flags & FLAG_SECTOR_CRC) != 0 ? 1 : 0);
        if (tableEntries * 4 > block.storedSize) {
            throw new MpqException("corrupt file '" + block.name + "': its " + block.storedSize
                    + " stored bytes cannot hold its sector offset table of " + tableEntries + " entries");
        }
        int[] offsets = new int[(int) tableEntries];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = u32(block.position + 4 * i, "the sector offset table of '" + block.name + "'");
        }
        if (encrypted) {
            MpqCrypto.decrypt(offsets, key - 1);
        }
        for (int i = 0; i < sectors; i++) {
            long start = unsigned(offsets[i]);
            long end = unsigned(offsets[i + 1]);
            if (start < tableEntries * 4 || end < start || end > block.storedSize) {
                throw new MpqException("corrupt sector offset table of '" + block.name + "'" + (encrypted
                        ? " (or a wrong decryption key)" : "") + ": sector " + i + " spans [" + start + ", " + end
                        + ") of its " + block.storedSize + " stored bytes");
            }
        }

        byte[] out = new byte[block.fileSize];
        for (int i = 0; i < sectors; i++) {
            int start = block.position + offsets[i];
            int length = offsets[i + 1] - offsets[i];
            int outOffset = i * sectorSize;
            int expected = Math.min(sectorSize, block.fileSize - outOffset);
            String where = "sector " + i + " of '" + block.name + "'";
            if (length > expected) {
                throw new MpqException("corrupt " + where + ": it stores " + length + " bytes but should expand to only "
                        + expected);
            }
            byte[] source = data;
            if (encrypted) {
                source = Arrays.copyOfRange(data, start, start + length);
                start = 0;
                MpqCrypto.decrypt(source, 0, length, key + i);
            }
            if (length == expected) {
                System.arraycopy(source, start, out, outOffset, length);
            } else {
                refuseImploded(block);
                MpqCompression.decompress(source, start, length, out, outOffset, expected, where);
            }
        }
        return out;
    }

    private static void refuseImploded(Block block) {
        if ((block.flags & FLAG_IMPLODE) != 0) {
            throw new MpqException("file '" + block.name + "' is PKWARE-imploded, which this reader does not support");
        }
    }

    /**
     * The hash-table lookup: the block index of a live file of this name, or -1. It gives the answer of Storm's linear
     * probe (the first matching entry from the name's start, before an empty entry) from the sorted index.
     */
    private int blockIndex(String name) {
        Objects.requireNonNull(name, "name");
        int entries = distanceToEmpty.length;
        if (liveEntries.length == 0) {
            return -1;
        }
        long nameA = unsigned(MpqCrypto.hash(name, MpqCrypto.HASH_NAME_A));
        int nameB = MpqCrypto.hash(name, MpqCrypto.HASH_NAME_B);
        int mask = entries - 1;
        int start = MpqCrypto.hash(name, MpqCrypto.HASH_TABLE_INDEX) & mask;
        int best = -1;
        int bestDistance = distanceToEmpty[start];
        for (int i = firstAtLeast(nameA << 32); i < liveEntries.length && liveEntries[i] >>> 32 == nameA; i++) {
            int entry = (int) liveEntries[i];
            int distance = (entry - start) & mask;
            if (distance < bestDistance && hashTable[entry * 4 + 1] == nameB) {
                best = entry;
                bestDistance = distance;
            }
        }
        if (best < 0) {
            return -1;
        }
        int block = hashTable[best * 4 + 3];
        // A block without the exists flag is a deleted file whose hash entry was left behind.
        return (blockTable[block * 4 + 3] & FLAG_EXISTS) != 0 ? block : -1;
    }

    private int firstAtLeast(long key) {
        int low = 0;
        int high = liveEntries.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (liveEntries[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private Block block(String name) {
        int index = blockIndex(name);
        if (index < 0) {
            throw new MpqException("no file '" + name + "' in the archive");
        }
        int offsetLow = blockTable[index * 4];
        long storedSize = unsigned(blockTable[index * 4 + 1]);
        long fileSize = unsigned(blockTable[index * 4 + 2]);
        int flags = blockTable[index * 4 + 3];
        long high = blockOffsetHigh == null ? 0 : blockOffsetHigh[index] & 0xFFFFL;
        long position = archiveOffset + (high << 32 | unsigned(offsetLow));
        String what = "file '" + name + "' (block " + index + ")";
        if (position + storedSize > data.length) {
            throw new MpqException("truncated or corrupt archive: " + what + " occupies bytes [" + position + ", "
                    + (position + storedSize) + "), beyond the end of the " + data.length + "-byte file");
        }
        if (fileSize > maxFileSize) {
            throw new MpqException(what + " declares " + fileSize + " bytes, above the limit of " + maxFileSize);
        }
        boolean compressed = (flags & (FLAG_COMPRESS | FLAG_IMPLODE)) != 0;
        if (compressed && fileSize > storedSize * MAX_COMPRESSION_RATIO) {
            throw new MpqException(what + " declares " + fileSize + " bytes from " + storedSize
                    + " stored bytes, more than " + MAX_COMPRESSION_RATIO + " times as many");
        }
        if (!compressed && storedSize < fileSize) {
            throw new MpqException("corrupt " + what + ": stored uncompressed in " + storedSize + " bytes, but declares "
                    + fileSize);
        }
        return new Block(name, offsetLow, (int) position, (int) storedSize, (int) fileSize, flags);
    }

    private record Block(String name, int offsetLow, int position, int storedSize, int fileSize, int flags) {
    }

    private int[] table(String kind, long relativePosition, long entries, int key) {
        long position = archiveOffset + relativePosition;
        if (position > data.length || entries > (data.length - position) / ENTRY_SIZE) {
            throw new MpqException("truncated or corrupt archive: the " + kind + " table of " + entries
                    + " entries at offset " + position + " does not fit in the " + data.length + "-byte file");
        }
        int[] words = new int[(int) entries * 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = u32((int) position + 4 * i, "the " + kind + " table");
        }
        MpqCrypto.decrypt(words, key);
        return words;
    }

    private short[] highOffsets(long relativePosition, long entries) {
        long position = archiveOffset + relativePosition;
        if (relativePosition < 0 || position > data.length || entries > (data.length - position) / 2) {
            throw new MpqException("truncated or corrupt archive: the high block offsets table of " + entries
                    + " entries at offset " + position + " does not fit in the " + data.length + "-byte file");
        }
        short[] high = new short[(int) entries];
        for (int i = 0; i < high.length; i++) {
            high[i] = (short) u16((int) position + 2 * i, "the high block offsets table");
        }
        return high;
    }

    private static void refuseCompressedTable(String kind, long storedSize, long entries) {
        if (storedSize != 0 && storedSize < entries * ENTRY_SIZE) {
            throw new MpqException("unsupported or corrupt archive: the header gives the " + kind + " table "
                    + storedSize + " stored bytes for " + entries + " entries of " + ENTRY_SIZE + " bytes, so the table"
                    + " is compressed, which this reader does not support, or the header is damaged");
        }
    }

    private void require(long end, String what) {
        if (end > data.length) {
            throw new MpqException("truncated archive: " + what + " ends at offset " + end + ", beyond the end of the "
                    + data.length + "-byte file");
        }
    }

    private int u16(int offset, String what) {
        require(offset + 2L, what);
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
    }

    private int u32(int offset, String what) {
        require(offset + 4L, what);
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16
                | (data[offset + 3] & 0xFF) << 24;
    }

    private long u64(int offset, String what) {
        return unsigned(u32(offset, what)) | (long) u32(offset + 4, what) << 32;
    }

    private static long unsigned(int value) {
        return value & 0xFFFFFFFFL;
    }
}

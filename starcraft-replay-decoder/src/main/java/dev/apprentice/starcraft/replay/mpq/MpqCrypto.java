package dev.apprentice.starcraft.replay.mpq;

import java.nio.charset.StandardCharsets;

/** Storm's name hashing and table/file decryption, which locate and unlock everything in an archive. */
final class MpqCrypto {

    static final int HASH_TABLE_INDEX = 0;
    static final int HASH_NAME_A = 1;
    static final int HASH_NAME_B = 2;
    static final int HASH_FILE_KEY = 3;

    private static final int[] TABLE = cryptTable();

    static final int HASH_TABLE_KEY = hash("(hash table)", HASH_FILE_KEY);
    static final int BLOCK_TABLE_KEY = hash("(block table)", HASH_FILE_KEY);

    private MpqCrypto() {
    }

    private static int[] cryptTable() {
        int[] table = new int[0x500];
        int seed = 0x00100001;
        for (int index1 = 0; index1 < 0x100; index1++) {
            for (int i = 0, index2 = index1; i < 5; i++, index2 += 0x100) {
                // seed stays below 0x2AAAAB, so seed * 125 + 3 cannot overflow an int.
                seed = (seed * 125 + 3) % 0x2AAAAB;
                int high = (seed & 0xFFFF) << 16;
                seed = (seed * 125 + 3) % 0x2AAAAB;
                table[index2] = high | (seed & 0xFFFF);
            }
        }
        return table;
    }

    /** Storm's HashString: case-insensitive, and '/' and '\' name the same path separator. */
    static int hash(String name, int type) {
        int seed1 = 0x7FED7FED;
        int seed2 = 0xEEEEEEEE;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int ch = b & 0xFF;
            if (ch >= 'a' && ch <= 'z') {
                ch -= 'a' - 'A';
            } else if (ch == '/') {
                ch = '\\';
            }
            seed1 = TABLE[type * 0x100 + ch] ^ (seed1 + seed2);
            seed2 = ch + seed1 + seed2 + (seed2 << 5) + 3;
        }
        return seed1;
    }

    /** The key a file's sectors are encrypted with: from its base name, as Storm derives it. */
    static int fileKey(String name, int blockOffset, int fileSize, boolean fixKey) {
        int slash = Math.max(name.lastIndexOf('\\'), name.lastIndexOf('/'));
        int key = hash(name.substring(slash + 1), HASH_FILE_KEY);
        return fixKey ? (key + blockOffset) ^ fileSize : key;
    }

    static void decrypt(int[] words, int key) {
        int seed2 = 0xEEEEEEEE;
        for (int i = 0; i < words.length; i++) {
            seed2 += TABLE[0x400 + (key & 0xFF)];
            int value = words[i] ^ (key + seed2);
            key = ((~key << 0x15) + 0x11111111) | (key >>> 0x0B);
            seed2 = value + seed2 + (seed2 << 5) + 3;
            words[i] = value;
        }
    }

    /**
     * Decrypts the whole little-endian words of {@code bytes[offset, offset + length)} in place; a ragged tail is
     * stored in clear.
     */
    static void decrypt(byte[] bytes, int offset, int length, int key) {
        int seed2 = 0xEEEEEEEE;
        for (int p = offset, end = offset + (length & ~3); p < end; p += 4) {
            seed2 += TABLE[0x400 + (key & 0xFF)];
            int value = wordAt(bytes, p) ^ (key + seed2);
            key = ((~key << 0x15) + 0x11111111) | (key >>> 0x0B);
            seed2 = value + seed2 + (seed2 << 5) + 3;
            putWord(bytes, p, value);
        }
    }

    /** The inverse of {@link #decrypt(byte[], int, int, int)}, for building archives in tests. */
    static void encrypt(byte[] bytes, int offset, int length, int key) {
        int seed2 = 0xEEEEEEEE;
        for (int p = offset, end = offset + (length & ~3); p < end; p += 4) {
            seed2 += TABLE[0x400 + (key & 0xFF)];
            int value = wordAt(bytes, p);
            putWord(bytes, p, value ^ (key + seed2));
            key = ((~key << 0x15) + 0x11111111) | (key >>> 0x0B);
            seed2 = value + seed2 + (seed2 << 5) + 3;
        }
    }

    private static int wordAt(byte[] bytes, int p) {
        return (bytes[p] & 0xFF) | (bytes[p + 1] & 0xFF) << 8 | (bytes[p + 2] & 0xFF) << 16 | (bytes[p + 3] & 0xFF) << 24;
    }

    private static void putWord(byte[] bytes, int p, int value) {
        bytes[p] = (byte) value;
        bytes[p + 1] = (byte) (value >>> 8);
        bytes[p + 2] = (byte) (value >>> 16);
        bytes[p + 3] = (byte) (value >>> 24);
    }
}

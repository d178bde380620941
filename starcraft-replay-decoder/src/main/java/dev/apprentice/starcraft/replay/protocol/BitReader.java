package dev.apprentice.starcraft.replay.protocol;

/**
 * Reads bits from a byte array the way the game writes them: the low bits of each byte first, and (in the
 * big-endian order the event streams use) each run of bits placed above the bits that follow it. Every read
 * checks what is left, so a truncated stream fails with a message instead of reading past the end.
 */
public final class BitReader {
    private final byte[] data;
    private final int end;
    private final boolean bigEndian;
    private int position;
    private int next;
    private int nextBits;

    /**
     * @param data      the bytes (not copied: the caller must not change them while reading)
     * @param bigEndian true for the event streams and init data, false for the attributes file
     */
    public BitReader(byte[] data, boolean bigEndian) {
        this.data = data;
        this.end = data.length;
        this.bigEndian = bigEndian;
    }

    /** @return whether every bit has been read */
    public boolean done() {
        return nextBits == 0 && position >= end;
    }

    /** @return bits read so far */
    public long usedBits() {
        return position * 8L - nextBits;
    }

    /** @return bits not yet read */
    public long remainingBits() {
        return (long) (end - position) * 8 + nextBits;
    }

    /** Skips to the next byte boundary. */
    public void byteAlign() {
        nextBits = 0;
    }

    /**
     * @param count 0 to 64 bits
     * @return the bits as an unsigned number (64 bits come back as a two's-complement long)
     */
    public long readBits(int count) {
        if (count > remainingBits()) {
            throw truncated(count + " bits");
        }
        long result = 0;
        int read = 0;
        while (read < count) {
            if (nextBits == 0) {
                int left = count - read;
                if (bigEndian && left >= 8) {
                    // Whole bytes at a byte boundary: the common case, one byte per step.
                    result |= (long) (data[position++] & 0xFF) << (left - 8);
                    read += 8;
                    continue;
                }
                next = data[position++] & 0xFF;
                nextBits = 8;
            }
            int copy = Math.min(count - read, nextBits);
            long bits = next & ((1 << copy) - 1);
            result |= bigEndian ? bits << (count - read - copy) : bits << read;
            next >>>= copy;
            nextBits -= copy;
            read += copy;
        }
        return result;
    }

    /** @return the next byte-aligned byte, unsigned */
    public int readAlignedByte() {
        nextBits = 0;
        if (position >= end) {
            throw truncated("1 byte");
        }
        return data[position++] & 0xFF;
    }

    /**
     * @param length bytes to read after skipping to a byte boundary
     * @return a copy of them
     */
    public byte[] readAlignedBytes(long length) {
        nextBits = 0;
        if (length < 0 || length > end - position) {
            throw truncated(length + " bytes");
        }
        byte[] bytes = new byte[(int) length];
        System.arraycopy(data, position, bytes, 0, (int) length);
        position += (int) length;
        return bytes;
    }

    /** Skips {@code length} byte-aligned bytes. */
    public void skipAlignedBytes(long length) {
        nextBits = 0;
        if (length < 0 || length > end - position) {
            throw truncated(length + " bytes");
        }
        position += (int) length;
    }

    private ReplayFormatException truncated(String wanted) {
        return new ReplayFormatException("truncated: wanted " + wanted + " at bit " + usedBits() + " of "
                + end * 8L);
    }

    @Override
    public String toString() {
        return "bit " + usedBits() + " of " + end * 8L;
    }
}

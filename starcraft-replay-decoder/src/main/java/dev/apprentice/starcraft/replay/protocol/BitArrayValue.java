package dev.apprentice.starcraft.replay.protocol;

/**
 * A decoded bit array, such as a selection mask: its length in bits and the bits, first bit in the lowest
 * bit of the first byte.
 *
 * @param length the number of bits
 * @param bits   the bits, {@code ceil(length / 8)} bytes
 */
public record BitArrayValue(int length, byte[] bits) {

    /** @return whether bit {@code index} is set */
    public boolean get(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("bit " + index + " of " + length);
        }
        return (bits[index >>> 3] & (1 << (index & 7))) != 0;
    }
}

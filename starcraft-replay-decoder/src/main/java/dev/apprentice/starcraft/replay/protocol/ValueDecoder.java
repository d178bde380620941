package dev.apprentice.starcraft.replay.protocol;

/**
 * Reads typed values from one stream; the two encodings (bit-packed and versioned) share it so the event
 * loop does not care which one a stream uses.
 */
public interface ValueDecoder {

    /**
     * @param type the type to read
     * @return the value (see {@link StructValue} for the value types)
     * @throws ReplayFormatException if the data is truncated or does not match the type
     */
    Object decode(ProtocolType type);

    /** @return whether the stream is used up */
    boolean done();

    /** Skips to the next byte boundary (events start on one). */
    void byteAlign();

    /** @return bits read so far */
    long usedBits();
}

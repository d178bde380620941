package dev.apprentice.starcraft.replay.protocol;

/**
 * Reads typed values from one stream; the two encodings (bit-packed and versioned) share it so the event
 * loop does not care which one a stream uses.
 */
public abstract sealed class ValueDecoder permits BitPackedDecoder, VersionedDecoder {
    /** The stream's bits; both encodings read them low bit first, in the event streams' big-endian order. */
    final BitReader reader;

    ValueDecoder(byte[] data) {
        this.reader = new BitReader(data, true);
    }

    /**
     * @param type the type to read
     * @return the value (see {@link StructValue} for the value types)
     * @throws ReplayFormatException if the data is truncated or does not match the type
     */
    public abstract Object decode(ProtocolType type);

    /** @return whether the stream is used up */
    public final boolean done() {
        return reader.done();
    }

    /** Skips to the next byte boundary (events start on one). */
    public final void byteAlign() {
        reader.byteAlign();
    }

    /** @return bits read so far */
    public final long usedBits() {
        return reader.usedBits();
    }

    @Override
    public final String toString() {
        return reader.toString();
    }
}

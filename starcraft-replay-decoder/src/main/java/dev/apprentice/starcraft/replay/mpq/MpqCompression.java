package dev.apprentice.starcraft.replay.mpq;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.StringJoiner;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Expands compressed units to exactly their declared size, so corrupt or hostile data can neither overrun memory nor
 * pass silently.
 */
final class MpqCompression {

    static final int ZLIB = 0x02;
    static final int BZIP2 = 0x10;

    private MpqCompression() {
    }

    /**
     * Expands the unit {@code src[offset, offset + length)}, whose first byte is the compression mask, into exactly
     * {@code expected} bytes at {@code out[outOffset]}; {@code where} names the unit in error messages.
     */
    static void decompress(byte[] src, int offset, int length, byte[] out, int outOffset, int expected, String where) {
        if (length < 1) {
            throw new MpqException(where + " is empty but should expand to " + expected + " bytes");
        }
        int mask = src[offset] & 0xFF;
        switch (mask) {
            case ZLIB -> inflate(src, offset + 1, length - 1, out, outOffset, expected, where);
            case BZIP2 -> bunzip2(src, offset + 1, length - 1, out, outOffset, expected, where);
            default -> throw new MpqException(String.format(
                    "%s uses compression mask 0x%02X (%s); only 0x02 (zlib) and 0x10 (bzip2) are supported",
                    where, mask, describe(mask)));
        }
    }

    /** Names the methods in a mask, so an unsupported archive says what it would need. */
    static String describe(int mask) {
        if (mask == 0x12) {
            // In archives of format 2 and later this combination is LZMA's own code, not zlib plus bzip2.
            return "LZMA";
        }
        String[] names = {
            "Huffman", "zlib", "bit 0x04", "PKWARE implode", "bzip2", "sparse", "ADPCM mono", "ADPCM stereo"
        };
        StringJoiner joiner = new StringJoiner("+");
        for (int bit = 0; bit < 8; bit++) {
            if ((mask & (1 << bit)) != 0) {
                joiner.add(names[bit]);
            }
        }
        return mask == 0 ? "none" : joiner.toString();
    }

    private static void inflate(byte[] src, int offset, int length, byte[] out, int outOffset, int expected,
            String where) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(src, offset, length);
            int produced = 0;
            while (produced < expected) {
                int n = inflater.inflate(out, outOffset + produced, expected - produced);
                if (n == 0) {
                    String state = inflater.finished() ? "ends"
                            : inflater.needsDictionary() ? "asks for a preset dictionary"
                            : inflater.needsInput() ? "is truncated" : "stalls";
                    throw new MpqException(where + ": zlib stream " + state + " after " + produced + " of " + expected
                            + " bytes");
                }
                produced += n;
            }
            if (!inflater.finished()) {
                // The unit is full; the stream must end here rather than hold more data than was declared.
                byte[] probe = new byte[1];
                if (inflater.inflate(probe) > 0) {
                    throw new MpqException(where + ": zlib stream expands beyond its declared " + expected + " bytes");
                }
                if (!inflater.finished()) {
                    throw new MpqException(where + ": zlib stream does not end after its declared " + expected
                            + " bytes");
                }
            }
        } catch (DataFormatException e) {
            throw new MpqException(where + ": corrupt zlib data (" + e.getMessage() + ")", e);
        } finally {
            // Inflater holds native memory; thousands of corrupt sectors must not wait for the finalizer.
            inflater.end();
        }
    }

    private static void bunzip2(byte[] src, int offset, int length, byte[] out, int outOffset, int expected,
            String where) {
        try (BZip2CompressorInputStream in =
                new BZip2CompressorInputStream(new ByteArrayInputStream(src, offset, length))) {
            int produced = 0;
            while (produced < expected) {
                int n = in.read(out, outOffset + produced, expected - produced);
                if (n <= 0) {
                    throw new MpqException(where + ": bzip2 stream ends after " + produced + " of " + expected
                            + " bytes");
                }
                produced += n;
            }
            if (in.read() != -1) {
                throw new MpqException(where + ": bzip2 stream expands beyond its declared " + expected + " bytes");
            }
        } catch (MpqException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // commons-compress reports most corruption as IOException, but not all of it.
            throw new MpqException(where + ": corrupt bzip2 data (" + e + ")", e);
        }
    }
}

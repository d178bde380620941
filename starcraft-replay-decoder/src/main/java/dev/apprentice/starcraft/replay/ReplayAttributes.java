package dev.apprentice.starcraft.replay;

import dev.apprentice.starcraft.replay.protocol.BitReader;
import dev.apprentice.starcraft.replay.protocol.ReplayFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lobby's attributes ({@code replay.attributes.events}): game speed, each slot's race choice, difficulty
 * and so on, as four-character values keyed by attribute id and scope (a slot, or 16 for the whole game).
 * The file has its own fixed little-endian layout, the same in every build, not a protocol-table type.
 *
 * @param source       the attributes' source
 * @param mapNamespace the map's namespace
 * @param attributes   every attribute, in file order
 */
public record ReplayAttributes(int source, long mapNamespace, List<Attribute> attributes) {
    /** Before base build 17326 the header has no source byte. */
    private static final int FIRST_BUILD_WITH_SOURCE = 17326;
    private static final int ENTRY_BYTES = 13;

    /** Keeps an unmodifiable copy. */
    public ReplayAttributes {
        attributes = List.copyOf(attributes);
    }

    /**
     * One attribute value.
     *
     * @param namespace the attribute's namespace
     * @param id        the attribute id (3001 a slot's race choice, 3000 the game speed, …)
     * @param scope     the slot it applies to (1-based), or 16 for the whole game
     * @param value     the value, up to four characters, stored right to left and padded with zeros (for example "Prot")
     */
    public record Attribute(long namespace, long id, int scope, String value) {
    }

    /**
     * @param data      the file's bytes
     * @param baseBuild the replay's base build (the header lost a byte before 17326)
     * @return the decoded attributes
     * @throws ReplayFormatException if the file is truncated or its count disagrees with its length
     */
    static ReplayAttributes decode(byte[] data, int baseBuild) {
        if (data.length == 0) {
            return new ReplayAttributes(0, 0, List.of());
        }
        boolean hasSource = baseBuild >= FIRST_BUILD_WITH_SOURCE;
        int headerBytes = hasSource ? 9 : 8;
        if (data.length < headerBytes || (data.length - headerBytes) % ENTRY_BYTES != 0) {
            throw new ReplayFormatException("attributes: " + data.length + " bytes is not a " + headerBytes
                    + "-byte header plus 13-byte entries");
        }
        BitReader reader = new BitReader(data, false);
        int source = hasSource ? (int) reader.readBits(8) : 0;
        long mapNamespace = reader.readBits(32);
        long count = reader.readBits(32);
        long entries = (data.length - headerBytes) / ENTRY_BYTES;
        if (count != entries) {
            throw new ReplayFormatException("attributes: the header counts " + count + " entries, the file holds "
                    + entries);
        }
        List<Attribute> attributes = new ArrayList<>((int) entries);
        while (!reader.done()) {
            long namespace = reader.readBits(32);
            long id = reader.readBits(32);
            int scope = (int) reader.readBits(8);
            byte[] raw = reader.readAlignedBytes(4);
            // Stored reversed and zero-padded: read right to left, drop the padding at either end.
            int first = raw.length - 1;
            int last = 0;
            while (first >= 0 && raw[first] == 0) {
                first--;
            }
            while (last <= first && raw[last] == 0) {
                last++;
            }
            StringBuilder value = new StringBuilder(4);
            for (int i = first; i >= last; i--) {
                value.append((char) (raw[i] & 0xFF));
            }
            attributes.add(new Attribute(namespace, id, scope, value.toString()));
        }
        return new ReplayAttributes(source, mapNamespace, attributes);
    }
}

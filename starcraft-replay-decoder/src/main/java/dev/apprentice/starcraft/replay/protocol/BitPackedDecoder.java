package dev.apprentice.starcraft.replay.protocol;

import dev.apprentice.starcraft.replay.protocol.ProtocolType.ArrayType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.BitArrayType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.BlobType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.ChoiceType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.IntType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.Member;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.OptionalType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes bit-packed data (game and message events, init data): values follow each other with no tags and
 * no alignment, so the type alone says how many bits come next.
 */
public final class BitPackedDecoder extends ValueDecoder {

    /** @param data the stream's bytes */
    public BitPackedDecoder(byte[] data) {
        super(data);
    }

    @Override
    public Object decode(ProtocolType type) {
        switch (type.kind()) {
            case INT:
                return readInt((IntType) type);
            case BOOL:
                return reader.readBits(1) != 0;
            case BLOB: {
                long length = checkedLength(((BlobType) type).length, 8);
                return reader.readAlignedBytes(length);
            }
            case FOURCC: {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    bytes[i] = (byte) reader.readBits(8);
                }
                return bytes;
            }
            case BIT_ARRAY: {
                int length = (int) checkedLength(((BitArrayType) type).length, 1);
                return new BitArrayValue(length, readBitArray(length));
            }
            case ARRAY: {
                ArrayType array = (ArrayType) type;
                int length = (int) checkedLength(array.length, array.element.minimumBits());
                List<Object> elements = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    elements.add(decode(array.element));
                }
                return elements;
            }
            case OPTIONAL:
                return reader.readBits(1) != 0 ? decode(((OptionalType) type).element) : null;
            case CHOICE: {
                ChoiceType choice = (ChoiceType) type;
                long tag = readInt(choice.tag);
                Member member = choice.members.get(tag);
                if (member == null) {
                    throw new ReplayFormatException("choice tag " + tag + " is none of " + choice.members.keySet()
                            + " at " + reader);
                }
                return new ChoiceValue(member.name(), decode(member.type()));
            }
            case STRUCT:
                return decodeStruct((StructType) type);
            case NULL:
                return null;
            default:
                throw new IllegalStateException("unknown kind " + type.kind());
        }
    }

    private Object decodeStruct(StructType struct) {
        Member[] fields = struct.fields;
        if (fields.length == 1 && StructType.PARENT.equals(fields[0].name())) {
            return decode(fields[0].type());
        }
        Object[] values = new Object[fields.length];
        boolean merged = false;
        for (int i = 0; i < fields.length; i++) {
            values[i] = decode(fields[i].type());
            merged |= StructType.PARENT.equals(fields[i].name());
        }
        StructValue value = new StructValue(struct.fieldNames, values);
        return merged ? mergeParents(value) : value;
    }

    /** Replaces each inherited part by its fields, as s2protocol does with a struct's {@code __parent}. */
    static StructValue mergeParents(StructValue value) {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        String[] ownNames = value.nameArray();
        Object[] ownValues = value.valueArray();
        for (int i = 0; i < ownNames.length; i++) {
            if (StructType.PARENT.equals(ownNames[i]) && ownValues[i] instanceof StructValue parent) {
                names.addAll(Arrays.asList(parent.nameArray()));
                values.addAll(Arrays.asList(parent.valueArray()));
            } else {
                names.add(ownNames[i]);
                values.add(ownValues[i]);
            }
        }
        return new StructValue(names.toArray(String[]::new), values.toArray());
    }

    private long readInt(IntType type) {
        return type.offset + reader.readBits(type.bits);
    }

    /** A length read from the data, refused when its elements could not fit in what is left. */
    private long checkedLength(IntType type, long bitsPerElement) {
        long length = readInt(type);
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new ReplayFormatException("length " + length + " out of range at " + reader);
        }
        if (bitsPerElement > 0 && length > reader.remainingBits() / bitsPerElement) {
            throw new ReplayFormatException("length " + length + " exceeds the " + reader.remainingBits()
                    + " bits left at " + reader);
        }
        return length;
    }

    /** Bits of the array as one number, bit i of the result in bit (i % 8) of byte i / 8. */
    private byte[] readBitArray(int length) {
        byte[] bits = new byte[(length + 7) >>> 3];
        int top = length;
        while (top > 0) {
            int chunk = Math.min(64, top);
            long value = reader.readBits(chunk);
            int base = top - chunk;
            for (int i = 0; i < chunk; i++) {
                if ((value >>> i & 1) != 0) {
                    int bit = base + i;
                    bits[bit >>> 3] |= (byte) (1 << (bit & 7));
                }
            }
            top = base;
        }
        return bits;
    }
}

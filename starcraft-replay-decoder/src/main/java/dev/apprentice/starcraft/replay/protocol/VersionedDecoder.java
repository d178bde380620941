package dev.apprentice.starcraft.replay.protocol;

import dev.apprentice.starcraft.replay.protocol.ProtocolType.ArrayType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.ChoiceType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.Member;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.OptionalType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes versioned data (the replay header, details, tracker events): every value starts with a byte that
 * says its shape and structs carry tagged fields, so data written by another build still decodes and members
 * this build does not know are skipped.
 */
public final class VersionedDecoder extends ValueDecoder {
    /** Nesting deeper than this is refused: in skipped values the data alone decides the depth. */
    static final int MAX_DEPTH = 64;

    private static final int ARRAY = 0;
    private static final int BIT_BLOB = 1;
    private static final int BLOB = 2;
    private static final int CHOICE = 3;
    private static final int OPTIONAL = 4;
    private static final int STRUCT = 5;
    private static final int U8 = 6;
    private static final int U32 = 7;
    private static final int U64 = 8;
    private static final int VINT = 9;

    private int depth;

    /** @param data the stream's bytes */
    public VersionedDecoder(byte[] data) {
        super(data);
    }

    @Override
    public Object decode(ProtocolType type) {
        if (++depth > MAX_DEPTH) {
            throw new ReplayFormatException("values nested deeper than " + MAX_DEPTH + " at " + reader);
        }
        try {
            return decodeValue(type);
        } finally {
            depth--;
        }
    }

    private Object decodeValue(ProtocolType type) {
        switch (type.kind()) {
            case INT:
                expect(VINT, type);
                return readVarInt();
            case BOOL:
                expect(U8, type);
                return reader.readAlignedByte() != 0;
            case BLOB:
                expect(BLOB, type);
                return reader.readAlignedBytes(readLength(1));
            case FOURCC:
                expect(U32, type);
                return reader.readAlignedBytes(4);
            case BIT_ARRAY: {
                expect(BIT_BLOB, type);
                long length = readLength(0);
                if (length > Integer.MAX_VALUE - 8) {
                    throw new ReplayFormatException("bit array of " + length + " bits at " + reader);
                }
                return new BitArrayValue((int) length, reader.readAlignedBytes((length + 7) >>> 3));
            }
            case ARRAY: {
                expect(ARRAY, type);
                ProtocolType element = ((ArrayType) type).element;
                long length = readLength(1);
                List<Object> elements = new ArrayList<>((int) Math.min(length, 1024));
                for (long i = 0; i < length; i++) {
                    elements.add(decode(element));
                }
                return elements;
            }
            case OPTIONAL:
                expect(OPTIONAL, type);
                return reader.readAlignedByte() != 0 ? decode(((OptionalType) type).element) : null;
            case CHOICE: {
                expect(CHOICE, type);
                long tag = readVarInt();
                Member member = ((ChoiceType) type).members.get(tag);
                if (member == null) {
                    skip();
                    return null;
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
        expect(STRUCT, struct);
        long count = readLength(1);
        Object[] values = new Object[struct.fields.length];
        boolean merged = false;
        for (long i = 0; i < count; i++) {
            long tag = readVarInt();
            int index = indexOfTag(struct, tag);
            if (index < 0) {
                skip();
                continue;
            }
            values[index] = decode(struct.fields[index].type());
            merged |= StructType.PARENT.equals(struct.fields[index].name());
        }
        if (struct.fields.length == 1 && merged && !(values[0] instanceof StructValue)) {
            return values[0];
        }
        StructValue value = new StructValue(struct.fieldNames, values);
        return merged ? BitPackedDecoder.mergeParents(value) : value;
    }

    private static int indexOfTag(StructType struct, long tag) {
        Member[] fields = struct.fields;
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].tag() == tag) {
                return i;
            }
        }
        return -1;
    }

    /** Skips one value this build's type does not describe, whatever its shape. */
    private void skip() {
        if (++depth > MAX_DEPTH) {
            throw new ReplayFormatException("values nested deeper than " + MAX_DEPTH + " at " + reader);
        }
        try {
            int shape = reader.readAlignedByte();
            switch (shape) {
                case ARRAY: {
                    long length = readLength(1);
                    for (long i = 0; i < length; i++) {
                        skip();
                    }
                    break;
                }
                case BIT_BLOB:
                    reader.skipAlignedBytes((readLength(0) + 7) >>> 3);
                    break;
                case BLOB:
                    reader.skipAlignedBytes(readLength(1));
                    break;
                case CHOICE:
                    readVarInt();
                    skip();
                    break;
                case OPTIONAL:
                    if (reader.readAlignedByte() != 0) {
                        skip();
                    }
                    break;
                case STRUCT: {
                    long count = readLength(1);
                    for (long i = 0; i < count; i++) {
                        readVarInt();
                        skip();
                    }
                    break;
                }
                case U8:
                    reader.skipAlignedBytes(1);
                    break;
                case U32:
                    reader.skipAlignedBytes(4);
                    break;
                case U64:
                    reader.skipAlignedBytes(8);
                    break;
                case VINT:
                    readVarInt();
                    break;
                default:
                    throw new ReplayFormatException("unknown value shape " + shape + " at " + reader);
            }
        } finally {
            depth--;
        }
    }

    private void expect(int shape, ProtocolType type) {
        int found = reader.readAlignedByte();
        if (found != shape) {
            throw new ReplayFormatException("expected shape " + shape + " for " + type + ", found " + found
                    + " at " + reader);
        }
    }

    /**
     * A count read from the data; each counted item takes at least {@code bytesPerItem} bytes, so a count
     * larger than what is left cannot be honest and is refused before anything is allocated or looped.
     */
    private long readLength(int bytesPerItem) {
        long length = readVarInt();
        long limit = bytesPerItem == 0 ? reader.remainingBits() : reader.remainingBits() / 8 / bytesPerItem;
        if (length < 0 || length > limit) {
            throw new ReplayFormatException("length " + length + " exceeds what is left at " + reader);
        }
        return length;
    }

    /** A zigzag-free variable-length integer: sign in the first byte's low bit, then 6, 7, 7, … bits. */
    private long readVarInt() {
        int b = reader.readAlignedByte();
        boolean negative = (b & 1) != 0;
        long result = (b >>> 1) & 0x3F;
        int shift = 6;
        while ((b & 0x80) != 0) {
            if (shift > 63) {
                throw new ReplayFormatException("variable-length integer longer than 64 bits at " + reader);
            }
            b = reader.readAlignedByte();
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
        }
        return negative ? -result : result;
    }
}

package dev.apprentice.starcraft.replay.protocol;

import java.util.List;
import java.util.Map;

/**
 * One node of a build's compiled type graph: what the decoders need to read a value of a type declared in
 * Blizzard's protocol table, reduced to the handful of wire shapes every build uses.
 *
 * <p>The wire shapes are those of Blizzard's own decoders (s2protocol, MIT): integers are an offset plus a
 * fixed bit count, strings and blobs are a length followed by bytes, arrays a length followed by elements,
 * choices a tag followed by the chosen member, optionals a presence bit, structs their fields in order
 * (bit-packed) or as tagged members (versioned).
 */
public abstract sealed class ProtocolType {

    /** The wire shape, switched on by the decoders instead of a virtual call per value. */
    public enum Kind { INT, BOOL, BLOB, FOURCC, BIT_ARRAY, ARRAY, OPTIONAL, CHOICE, STRUCT, NULL }

    private final Kind kind;

    ProtocolType(Kind kind) {
        this.kind = kind;
    }

    /** @return the wire shape */
    public final Kind kind() {
        return kind;
    }

    /**
     * The fewest bits a bit-packed value of this type occupies; decoders compare it with what is left before
     * trusting a length read from the data, so a forged length fails at once instead of looping or allocating.
     *
     * @return a lower bound on the encoded size in bits
     */
    public abstract long minimumBits();

    /** An integer in [offset, offset + 2^bits): the value is {@code offset + bits read}. */
    public static final class IntType extends ProtocolType {
        final long offset;
        final int bits;

        IntType(long offset, int bits) {
            super(Kind.INT);
            if (bits < 0 || bits > 64) {
                throw new IllegalArgumentException("an integer takes 0 to 64 bits, not " + bits);
            }
            this.offset = offset;
            this.bits = bits;
        }

        /** @return the smallest value */
        public long offset() {
            return offset;
        }

        /** @return the bits read in bit-packed data */
        public int bits() {
            return bits;
        }

        @Override
        public long minimumBits() {
            return bits;
        }

        @Override
        public String toString() {
            return "int(" + offset + ", " + bits + ")";
        }
    }

    /** A boolean: one bit (bit-packed) or one byte (versioned). */
    public static final class BoolType extends ProtocolType {
        static final BoolType INSTANCE = new BoolType();

        private BoolType() {
            super(Kind.BOOL);
        }

        @Override
        public long minimumBits() {
            return 1;
        }

        @Override
        public String toString() {
            return "bool";
        }
    }

    /** Bytes (blobs, strings, ASCII strings) whose length is an integer of the given bounds. */
    public static final class BlobType extends ProtocolType {
        final IntType length;

        BlobType(IntType length) {
            super(Kind.BLOB);
            this.length = length;
        }

        @Override
        public long minimumBits() {
            return length.bits + 8L * Math.max(0, length.offset);
        }

        @Override
        public String toString() {
            return "blob(" + length + ")";
        }
    }

    /** Four bytes naming something (a program id, a map's author). */
    public static final class FourCcType extends ProtocolType {
        static final FourCcType INSTANCE = new FourCcType();

        private FourCcType() {
            super(Kind.FOURCC);
        }

        @Override
        public long minimumBits() {
            return 32;
        }

        @Override
        public String toString() {
            return "fourcc";
        }
    }

    /** A bit array (a selection mask, allowed races) whose length in bits is an integer of the given bounds. */
    public static final class BitArrayType extends ProtocolType {
        final IntType length;

        BitArrayType(IntType length) {
            super(Kind.BIT_ARRAY);
            this.length = length;
        }

        @Override
        public long minimumBits() {
            return length.bits + Math.max(0, length.offset);
        }

        @Override
        public String toString() {
            return "bitarray(" + length + ")";
        }
    }

    /** A list of elements whose count is an integer of the given bounds (fixed when the bounds are exact). */
    public static final class ArrayType extends ProtocolType {
        final IntType length;
        ProtocolType element;

        ArrayType(IntType length) {
            super(Kind.ARRAY);
            this.length = length;
        }

        /** @return the element type */
        public ProtocolType element() {
            return element;
        }

        @Override
        public long minimumBits() {
            return length.bits;
        }

        @Override
        public String toString() {
            return "array(" + length + ")";
        }
    }

    /** A value that may be absent: a presence bit (bit-packed) or byte (versioned), then the value. */
    public static final class OptionalType extends ProtocolType {
        ProtocolType element;

        OptionalType() {
            super(Kind.OPTIONAL);
        }

        /** @return the type of the value when present */
        public ProtocolType element() {
            return element;
        }

        @Override
        public long minimumBits() {
            return 1;
        }

        @Override
        public String toString() {
            return "optional";
        }
    }

    /** One member of a choice or a struct: its name, tag and type. */
    public record Member(String name, long tag, ProtocolType type) {
    }

    /** A tagged union: the tag (an integer of the given bounds) selects the one member that follows. */
    public static final class ChoiceType extends ProtocolType {
        final IntType tag;
        final Map<Long, Member> members;

        ChoiceType(IntType tag, Map<Long, Member> members) {
            super(Kind.CHOICE);
            this.tag = tag;
            this.members = members;
        }

        /** @return the members by tag */
        public Map<Long, Member> members() {
            return members;
        }

        @Override
        public long minimumBits() {
            return tag.bits;
        }

        @Override
        public String toString() {
            return "choice(" + members.size() + ")";
        }
    }

    /**
     * A record of named fields. A field named {@link #PARENT} holds an inherited struct (build 15405) whose
     * fields are merged into this one; a struct that holds nothing but its parent is decoded as the parent.
     */
    public static final class StructType extends ProtocolType {
        /** The field name s2protocol also gives an inherited part, merged into the struct when decoded. */
        public static final String PARENT = "__parent";

        final String name;
        Member[] fields;
        String[] fieldNames;
        long minimumBits = -1;

        StructType(String name) {
            super(Kind.STRUCT);
            this.name = name;
        }

        /** @return the declaration's full name, or an empty string for an anonymous struct */
        public String name() {
            return name;
        }

        /** @return the fields in declaration (bit-packed) order */
        public List<Member> fields() {
            return List.of(fields);
        }

        Member fieldByTag(long tag) {
            for (Member field : fields) {
                if (field.tag() == tag) {
                    return field;
                }
            }
            return null;
        }

        @Override
        public long minimumBits() {
            if (minimumBits < 0) {
                // Guard against a (never seen) recursive table: a struct counts as 0 bits while being summed.
                minimumBits = 0;
                long sum = 0;
                for (Member field : fields) {
                    sum += field.type().minimumBits();
                }
                minimumBits = sum;
            }
            return minimumBits;
        }

        @Override
        public String toString() {
            return "struct " + name;
        }
    }

    /** Nothing: a choice member that carries no data. */
    public static final class NullType extends ProtocolType {
        static final NullType INSTANCE = new NullType();

        private NullType() {
            super(Kind.NULL);
        }

        @Override
        public long minimumBits() {
            return 0;
        }

        @Override
        public String toString() {
            return "null";
        }
    }
}

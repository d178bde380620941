package dev.apprentice.starcraft.replay.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.ArrayType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.BitArrayType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.BlobType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.BoolType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.ChoiceType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.FourCcType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.IntType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.Member;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.NullType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.OptionalType;
import dev.apprentice.starcraft.replay.protocol.ProtocolType.StructType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles Blizzard's protocol table JSON (a tree of module, type and constant declarations) into a
 * {@link ProtocolTable}. The tables of every published build share one vocabulary of nodes; what changed
 * between eras (struct inheritance in 15405, {@code InumType} from 22612, {@code DynArrayType} from 51702) is
 * handled here, so one parser reads them all.
 */
public final class ProtocolTableParser {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final ObjectMapper LENIENT = new ObjectMapper(JsonFactory.builder()
            // The tables up to build 32283 hold control characters in strings, which strict JSON forbids.
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build());

    private final int baseBuild;
    private final Map<String, JsonNode> declarations = new HashMap<>();
    private final Map<String, JsonNode> enumMembers = new HashMap<>();
    private final Map<String, ProtocolType> compiled = new HashMap<>();
    private final Map<String, BigInteger> constants = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    private ProtocolTableParser(int baseBuild) {
        this.baseBuild = baseBuild;
    }

    /**
     * @param baseBuild the build the table describes (from its file name)
     * @param json      the file's bytes
     * @return the compiled table
     * @throws ReplayFormatException if the JSON is not a protocol table this parser understands
     */
    public static ProtocolTable parse(int baseBuild, byte[] json) {
        JsonNode root;
        try {
            root = LENIENT.readTree(escapeHexEscapes(json));
        } catch (IOException e) {
            throw new ReplayFormatException("protocol table " + baseBuild + " is not JSON: " + e.getMessage(), e);
        }
        JsonNode modules = root.path("modules");
        if (!modules.isArray() || modules.isEmpty()) {
            throw new ReplayFormatException("protocol table " + baseBuild + " has no modules");
        }
        ProtocolTableParser parser = new ProtocolTableParser(baseBuild);
        for (JsonNode module : modules) {
            parser.collect(module);
        }
        return parser.build();
    }

    /**
     * Rewrites the hexadecimal escapes (backslash, x, two digits) that the old tables use in the replay
     * signature, which JSON does not allow, as JSON's four-digit unicode escapes; other escapes are copied
     * untouched.
     */
    static byte[] escapeHexEscapes(byte[] json) {
        ByteArrayOutputStream out = null;
        int copiedUpTo = 0;
        for (int i = 0; i + 1 < json.length; i++) {
            if (json[i] != '\\') {
                continue;
            }
            if (json[i + 1] == 'x' && i + 3 < json.length && isHex(json[i + 2]) && isHex(json[i + 3])) {
                if (out == null) {
                    out = new ByteArrayOutputStream(json.length + 64);
                }
                out.write(json, copiedUpTo, i - copiedUpTo);
                out.writeBytes(new byte[] {'\\', 'u', '0', '0', json[i + 2], json[i + 3]});
                copiedUpTo = i + 4;
                i += 3;
            } else {
                i++;
            }
        }
        if (out == null) {
            return json;
        }
        out.write(json, copiedUpTo, json.length - copiedUpTo);
        return out.toByteArray();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private void collect(JsonNode declaration) {
        String kind = declaration.path("type").asText();
        String fullName = declaration.path("fullname").asText();
        if ("Module".equals(kind)) {
            for (JsonNode inner : declaration.path("decls")) {
                collect(inner);
            }
            return;
        }
        declarations.put(fullName, declaration);
        JsonNode info = declaration.path("type_info");
        String infoKind = info.path("type").asText();
        if ("EnumType".equals(infoKind) || "InumType".equals(infoKind)) {
            for (JsonNode member : info.path("fields")) {
                enumMembers.put(member.path("fullname").asText(fullName + "." + member.path("name").asText()),
                        member);
            }
        }
    }

    private ProtocolTable build() {
        Map<String, ProtocolType> types = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : declarations.entrySet()) {
            if ("TypeDecl".equals(entry.getValue().path("type").asText())) {
                types.put(entry.getKey(), declared(entry.getKey()));
            }
        }
        Map<EventStreamKind, Map<Integer, EventType>> events = new EnumMap<>(EventStreamKind.class);
        for (Map.Entry<String, JsonNode> entry : declarations.entrySet()) {
            JsonNode info = entry.getValue().path("type_info");
            if (!"StructType".equals(info.path("type").asText())) {
                continue;
            }
            for (JsonNode field : info.path("fields")) {
                if (!"ConstDecl".equals(field.path("type").asText())) {
                    continue;
                }
                for (EventStreamKind kind : EventStreamKind.values()) {
                    if (kind.idConstant().equals(field.path("name").asText())
                            && kind.idEnum().equals(field.path("type_info").path("fullname").asText())) {
                        int id = evaluate(field.path("value"), entry.getKey()).intValueExact();
                        EventType event = new EventType(id, entry.getKey(), types.get(entry.getKey()));
                        EventType clash = events.computeIfAbsent(kind, k -> new HashMap<>()).put(id, event);
                        if (clash != null) {
                            throw new ReplayFormatException("protocol table " + baseBuild + " numbers both "
                                    + clash.name() + " and " + event.name() + " as " + kind + " event " + id);
                        }
                    }
                }
            }
        }
        return new ProtocolTable(baseBuild, types, events);
    }

    private ProtocolType declared(String fullName) {
        ProtocolType done = compiled.get(fullName);
        if (done != null) {
            return done;
        }
        JsonNode declaration = declarations.get(fullName);
        if (declaration == null || !"TypeDecl".equals(declaration.path("type").asText())) {
            throw new ReplayFormatException("protocol table " + baseBuild + " refers to " + fullName
                    + ", which it does not declare as a type");
        }
        if (!evaluating.add("type " + fullName)) {
            throw new ReplayFormatException("protocol table " + baseBuild + " defines " + fullName
                    + " in terms of itself");
        }
        try {
            ProtocolType type = compile(declaration.path("type_info"), fullName);
            compiled.put(fullName, type);
            return type;
        } finally {
            evaluating.remove("type " + fullName);
        }
    }

    /** @param owner the declaration the node belongs to: it names structs and scopes identifiers */
    private ProtocolType compile(JsonNode info, String owner) {
        String kind = info.path("type").asText();
        switch (kind) {
            case "UserType":
                return declared(info.path("fullname").asText());
            case "IntType":
                return integer(info.path("bounds"), owner);
            case "EnumType":
            case "InumType":
                return info.path("bounds").isObject() ? integer(info.path("bounds"), owner) : enumeration(info, owner);
            case "BoolType":
                return BoolType.INSTANCE;
            case "NullType":
                return NullType.INSTANCE;
            case "FourCCType":
                return FourCcType.INSTANCE;
            case "StringType": {
                // Bounds count characters; the length on the wire counts UTF-8 bytes, up to 4 per character
                // (bit-packed chat strings of 0..256 characters take 11 length bits in real replays).
                BigInteger[] characters = range(info.path("bounds"), owner);
                return new BlobType(integer(characters[0], characters[1].shiftLeft(2), owner));
            }
            case "BlobType":
            case "AsciiStringType":
                return new BlobType(integer(info.path("bounds"), owner));
            case "BitArrayType":
                return new BitArrayType(integer(info.path("bounds"), owner));
            case "ArrayType":
            case "DynArrayType": {
                ArrayType array = new ArrayType(integer(info.path("bounds"), owner));
                array.element = compile(info.path("element_type"), owner);
                return array;
            }
            case "OptionalType": {
                OptionalType optional = new OptionalType();
                optional.element = compile(info.path("type_info"), owner);
                return optional;
            }
            case "ChoiceType":
                return choice(info, owner);
            case "StructType":
                return struct(info, owner);
            default:
                throw new ReplayFormatException("protocol table " + baseBuild + ": " + owner
                        + " uses a type node this parser does not know: " + kind);
        }
    }

    private ProtocolType choice(JsonNode info, String owner) {
        Map<Long, Member> members = new LinkedHashMap<>();
        long maxTag = 0;
        for (JsonNode field : info.path("fields")) {
            long tag = evaluate(field.path("tag"), owner).longValueExact();
            maxTag = Math.max(maxTag, tag);
            members.put(tag, new Member(field.path("name").asText(), tag, compile(field.path("type_info"), owner)));
        }
        IntType tag = info.path("bounds").isObject() ? integer(info.path("bounds"), owner)
                : new IntType(0, 64 - Long.numberOfLeadingZeros(maxTag));
        return new ChoiceType(tag, members);
    }

    private ProtocolType struct(JsonNode info, String owner) {
        StructType struct = new StructType(owner);
        List<Member> fields = new ArrayList<>();
        for (JsonNode parent : info.path("parents")) {
            fields.add(new Member(StructType.PARENT, -1, compile(parent.path("type_info"), owner)));
        }
        int position = 0;
        for (JsonNode field : info.path("fields")) {
            if (!"MemberStructField".equals(field.path("type").asText())) {
                continue;
            }
            // Bit-packed structs have no tags; their fields are read in order.
            long tag = field.path("tag").isObject() ? evaluate(field.path("tag"), owner).longValueExact() : position;
            fields.add(new Member(field.path("name").asText(), tag, compile(field.path("type_info"), owner)));
            position++;
        }
        struct.fields = fields.toArray(Member[]::new);
        struct.fieldNames = fields.stream().map(Member::name).toArray(String[]::new);
        return struct;
    }

    /** An enum without bounds: wide enough for its largest member (for flag sets, all members together). */
    private IntType enumeration(JsonNode info, String owner) {
        BigInteger max = BigInteger.ZERO;
        boolean flags = "InumType".equals(info.path("type").asText());
        for (JsonNode member : info.path("fields")) {
            BigInteger value = evaluate(member.path("value"), owner);
            max = flags ? max.or(value) : max.max(value);
        }
        return new IntType(0, max.bitLength());
    }

    private IntType integer(JsonNode bounds, String owner) {
        BigInteger[] range = range(bounds, owner);
        return integer(range[0], range[1], owner);
    }

    /** @return the smallest and largest value the bounds allow, both inclusive */
    private BigInteger[] range(JsonNode bounds, String owner) {
        if (!bounds.isObject()) {
            throw new ReplayFormatException("protocol table " + baseBuild + ": " + owner
                    + " has an integer without bounds");
        }
        BigInteger min = bound(bounds.path("min"), owner);
        BigInteger max = bound(bounds.path("max"), owner);
        if (!bounds.path("min").path("inclusive").asBoolean(true)) {
            min = min.add(BigInteger.ONE);
        }
        if (!bounds.path("max").path("inclusive").asBoolean(true)) {
            max = max.subtract(BigInteger.ONE);
        }
        return new BigInteger[] {min, max};
    }

    /** An integer of [min, max]: the offset min and as many bits as max - min needs. */
    private IntType integer(BigInteger min, BigInteger max, String owner) {
        BigInteger span = max.subtract(min);
        if (span.signum() < 0 || span.compareTo(TWO_TO_64) >= 0 || min.bitLength() > 63) {
            throw new ReplayFormatException("protocol table " + baseBuild + ": " + owner + " has bounds [" + min
                    + ", " + max + "] that do not fit 64 bits");
        }
        return new IntType(min.longValue(), span.bitLength());
    }

    private BigInteger bound(JsonNode limit, String owner) {
        JsonNode evaluated = limit.path("evalue");
        return evaluated.isMissingNode() || evaluated.isNull() ? evaluate(limit.path("value"), owner)
                : new BigInteger(evaluated.asText());
    }

    /** Evaluates the constant expressions the tables use for tags, enum values and bounds. */
    private BigInteger evaluate(JsonNode expression, String owner) {
        String kind = expression.path("type").asText();
        switch (kind) {
            case "IntLiteral":
                return new BigInteger(expression.path("value").asText());
            case "NegateExpr":
                return evaluate(expression.path("rhs"), owner).negate();
            case "PowExpr":
                return evaluate(expression.path("lhs"), owner)
                        .pow(evaluate(expression.path("rhs"), owner).intValueExact());
            case "LShiftExpr":
                return evaluate(expression.path("lhs"), owner)
                        .shiftLeft(evaluate(expression.path("rhs"), owner).intValueExact());
            case "OrExpr":
                return evaluate(expression.path("lhs"), owner).or(evaluate(expression.path("rhs"), owner));
            case "MulExpr":
                return evaluate(expression.path("lhs"), owner).multiply(evaluate(expression.path("rhs"), owner));
            case "IdentifierExpr":
                return identifier(expression.path("value").asText(), owner);
            default:
                throw new ReplayFormatException("protocol table " + baseBuild + ": " + owner
                        + " uses an expression this parser does not know: " + kind);
        }
    }

    /** Resolves a name as the tables do: from the innermost enclosing scope of its owner outwards. */
    private BigInteger identifier(String name, String owner) {
        String scope = owner;
        while (true) {
            String candidate = scope.isEmpty() ? name : scope + "." + name;
            BigInteger value = constant(candidate, owner);
            if (value != null) {
                return value;
            }
            if (scope.isEmpty()) {
                throw new ReplayFormatException("protocol table " + baseBuild + ": " + owner + " refers to "
                        + name + ", which it does not define");
            }
            int dot = scope.lastIndexOf('.');
            scope = dot < 0 ? "" : scope.substring(0, dot);
        }
    }

    private BigInteger constant(String fullName, String owner) {
        BigInteger known = constants.get(fullName);
        if (known != null) {
            return known;
        }
        JsonNode member = enumMembers.get(fullName);
        JsonNode declaration = declarations.get(fullName);
        JsonNode value;
        String scope;
        if (member != null) {
            value = member.path("value");
            scope = fullName.substring(0, fullName.lastIndexOf('.'));
        } else if (declaration != null && "ConstDecl".equals(declaration.path("type").asText())) {
            value = declaration.path("value");
            scope = fullName;
        } else {
            return null;
        }
        if (!evaluating.add(fullName)) {
            throw new ReplayFormatException("protocol table " + baseBuild + ": " + fullName
                    + " is defined in terms of itself (from " + owner + ")");
        }
        try {
            BigInteger result = evaluate(value, scope);
            constants.put(fullName, result);
            return result;
        } finally {
            evaluating.remove(fullName);
        }
    }
}

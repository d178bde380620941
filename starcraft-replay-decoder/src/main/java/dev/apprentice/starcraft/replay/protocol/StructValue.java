package dev.apprentice.starcraft.replay.protocol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded struct: field names (shared with its type, so a million events do not carry a million name
 * arrays) and values. Values are {@link Long}, {@link Boolean}, {@code byte[]}, {@link List}, {@link StructValue},
 * {@link ChoiceValue}, {@link BitArrayValue} or {@code null} (an absent optional or a field the data lacks).
 */
public final class StructValue {
    private final String[] names;
    private final Object[] values;

    StructValue(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * @param name a field name such as {@code m_playerList}
     * @return the value, or null when the field is absent or unknown to this build
     */
    public Object get(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    /** @return whether the field exists and holds a value */
    public boolean has(String name) {
        return get(name) != null;
    }

    /**
     * @return the integer field's value
     * @throws ReplayFormatException if it is absent or not an integer
     */
    public long getLong(String name) {
        return require(name, Long.class);
    }

    /** @return the integer field's value, or {@code otherwise} when absent */
    public long getLong(String name, long otherwise) {
        return get(name) instanceof Long value ? value : otherwise;
    }

    /** @return the bytes of a blob or string field, or null when absent */
    public byte[] getBytes(String name) {
        return get(name) instanceof byte[] bytes ? bytes : null;
    }

    /** @return a string field as UTF-8 text (how the game stores names and titles), or null when absent */
    public String getText(String name) {
        byte[] bytes = getBytes(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** @return a struct field, or null when absent */
    public StructValue getStruct(String name) {
        return get(name) instanceof StructValue struct ? struct : null;
    }

    /** @return an array field, or an empty list when absent */
    @SuppressWarnings("unchecked")
    public List<Object> getList(String name) {
        return get(name) instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** @return the field names, in order */
    public List<String> names() {
        return List.of(names);
    }

    /** @return the fields that hold a value, in order, as a map (for JSON output) */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                map.put(names[i], values[i]);
            }
        }
        return map;
    }

    String[] nameArray() {
        return names;
    }

    Object[] valueArray() {
        return values;
    }

    private <T> T require(String name, Class<T> type) {
        Object value = get(name);
        if (!type.isInstance(value)) {
            throw new ReplayFormatException("field " + name + " is "
                    + (value == null ? "absent" : "a " + value.getClass().getSimpleName())
                    + ", expected " + type.getSimpleName());
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}

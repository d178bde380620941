package dev.apprentice.starcraft.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.apprentice.starcraft.replay.protocol.BitArrayValue;
import dev.apprentice.starcraft.replay.protocol.ChoiceValue;
import dev.apprentice.starcraft.replay.protocol.StructValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes decoded values as JSON: structs as objects (absent fields left out), choices as a one-member object,
 * bytes as text when they are UTF-8 and as {@code {"base64": …}} otherwise, bit arrays as their length and
 * hexadecimal bits.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("replay-values")
            .addSerializer(StructValue.class, new JsonSerializer<>() {
                @Override
                public void serialize(StructValue value, JsonGenerator out, SerializerProvider provider)
                        throws IOException {
                    provider.defaultSerializeValue(value.asMap(), out);
                }
            })
            .addSerializer(ChoiceValue.class, new JsonSerializer<>() {
                @Override
                public void serialize(ChoiceValue value, JsonGenerator out, SerializerProvider provider)
                        throws IOException {
                    out.writeStartObject();
                    provider.defaultSerializeField(value.name(), value.value(), out);
                    out.writeEndObject();
                }
            })
            .addSerializer(BitArrayValue.class, new JsonSerializer<>() {
                @Override
                public void serialize(BitArrayValue value, JsonGenerator out, SerializerProvider provider)
                        throws IOException {
                    out.writeStartObject();
                    out.writeNumberField("length", value.length());
                    out.writeStringField("bits", HexFormat.of().formatHex(value.bits()));
                    out.writeEndObject();
                }
            })
            .addSerializer(byte[].class, new JsonSerializer<>() {
                @Override
                public void serialize(byte[] value, JsonGenerator out, SerializerProvider provider)
                        throws IOException {
                    try {
                        out.writeString(StandardCharsets.UTF_8.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(value)).toString());
                    } catch (CharacterCodingException e) {
                        out.writeStartObject();
                        out.writeStringField("base64", Base64.getEncoder().encodeToString(value));
                        out.writeEndObject();
                    }
                }
            }));

    private EventJson() {
    }

    /**
     * @param event a decoded event
     * @return one line of JSON: the event's stream, name, id, game loop, user (when it has one) and fields
     */
    public static String line(ReplayEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("stream", event.stream().name().toLowerCase(java.util.Locale.ROOT));
        line.put("event", event.name());
        line.put("id", event.id());
        line.put("gameLoop", event.gameLoop());
        if (event.userId() >= 0) {
            line.put("userId", event.userId());
        }
        line.put("data", event.data());
        return write(line);
    }

    /**
     * @param value any value this package produces, or a map or list of them
     * @return it as JSON
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("a decoded value cannot be written as JSON", e);
        }
    }
}

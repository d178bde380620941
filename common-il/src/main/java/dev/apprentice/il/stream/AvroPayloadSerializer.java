package dev.apprentice.il.stream;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serializer} for generated Avro records, in the configured {@link PayloadFormat}
 * and without a schema registry. Either construct it with a codec, or let Kafka create it from
 * {@code value.serializer} with {@link AvroPayloadSerdeConfig#RECORD_CLASS} (and optionally
 * {@link PayloadFormat#CONFIG}) in the client properties.
 *
 * @param <T> the generated record class
 */
public final class AvroPayloadSerializer<T extends SpecificRecord> implements Serializer<T> {

    private PayloadCodec<T> codec;

    /** For Kafka's reflective construction; {@link #configure} supplies the codec. */
    public AvroPayloadSerializer() {
    }

    public AvroPayloadSerializer(PayloadCodec<T> codec) {
        this.codec = codec;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (codec == null) {
            codec = AvroPayloadSerdeConfig.codecFrom(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (codec == null) {
            throw new IllegalStateException("AvroPayloadSerializer used before configure(): set "
                    + AvroPayloadSerdeConfig.RECORD_CLASS);
        }
        return data == null ? null : codec.encode(data);
    }
}

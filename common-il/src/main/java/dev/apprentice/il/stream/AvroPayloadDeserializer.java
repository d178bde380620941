package dev.apprentice.il.stream;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka {@link Deserializer} for generated Avro records, the counterpart of
 * {@link AvroPayloadSerializer}. Undecodable bytes raise a {@link SerializationException} carrying
 * the reason; the {@link DemonstrationIngester} instead reads raw bytes so it can dead-letter them.
 *
 * @param <T> the generated record class
 */
public final class AvroPayloadDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private PayloadCodec<T> codec;

    /** For Kafka's reflective construction; {@link #configure} supplies the codec. */
    public AvroPayloadDeserializer() {
    }

    public AvroPayloadDeserializer(PayloadCodec<T> codec) {
        this.codec = codec;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (codec == null) {
            codec = AvroPayloadSerdeConfig.codecFrom(configs);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (codec == null) {
            throw new IllegalStateException("AvroPayloadDeserializer used before configure(): set "
                    + AvroPayloadSerdeConfig.RECORD_CLASS);
        }
        if (data == null) {
            return null;
        }
        try {
            return codec.decode(data);
        } catch (PayloadException e) {
            throw new SerializationException(topic + ": " + e.getMessage(), e);
        }
    }
}

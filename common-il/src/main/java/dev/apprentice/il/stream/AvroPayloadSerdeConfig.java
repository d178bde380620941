package dev.apprentice.il.stream;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** The client properties that configure {@link AvroPayloadSerializer} and {@link AvroPayloadDeserializer}. */
public final class AvroPayloadSerdeConfig {

    /** Fully qualified name of the generated record class, e.g. {@code dev.apprentice.il.stream.schema.Demonstration}. */
    public static final String RECORD_CLASS = "apprentice.avro.record-class";

    private AvroPayloadSerdeConfig() {
    }

    /**
     * Builds the codec the properties describe.
     *
     * @throws IllegalArgumentException naming the property that is missing or wrong
     */
    static <T extends SpecificRecord> PayloadCodec<T> codecFrom(Map<String, ?> configs) {
        Object name = configs.get(RECORD_CLASS);
        if (name == null) {
            throw new IllegalArgumentException(RECORD_CLASS + ": expected the generated Avro record class, found nothing");
        }
        Class<?> c;
        if (name instanceof Class<?> given) {
            c = given;
        } else {
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                c = Class.forName(name.toString(), true, loader == null ? AvroPayloadSerdeConfig.class.getClassLoader()
                        : loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(RECORD_CLASS + ": class " + name + " not found", e);
            }
        }
        if (!SpecificRecord.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException(RECORD_CLASS + ": " + c.getName() + " is not a generated Avro record");
        }
        Object format = configs.get(PayloadFormat.CONFIG);
        PayloadFormat f = format == null ? PayloadFormat.AVRO_SINGLE_OBJECT : PayloadFormat.parse(format.toString());
        @SuppressWarnings("unchecked")
        Class<T> recordClass = (Class<T>) c;
        return f.codecFor(recordClass);
    }
}

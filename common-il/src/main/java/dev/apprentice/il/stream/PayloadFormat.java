package dev.apprentice.il.stream;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.il.stream.schema.DemonstrationEnvelope;
import java.util.Arrays;
import java.util.Locale;
import org.apache.avro.specific.SpecificRecord;

/**
 * The wire formats a deployment can choose by configuration ({@code apprentice.stream.payload-format}).
 * Binary single-object encoding is the default; a schema-registry format can be added here without
 * touching the publisher or the ingester.
 */
public enum PayloadFormat {

    /** {@link AvroSingleObjectCodec}: compact, fingerprinted, evolves across shipped versions. */
    AVRO_SINGLE_OBJECT(AvroSingleObjectCodec.FORMAT),

    /** {@link AvroJsonCodec}: readable and typeable, current schema only. */
    AVRO_JSON(AvroJsonCodec.FORMAT);

    /** The configuration key naming the format. */
    public static final String CONFIG = "apprentice.stream.payload-format";

    private final String configName;

    PayloadFormat(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration. */
    public String configName() {
        return configName;
    }

    /**
     * Parses a configured name.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static PayloadFormat parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (PayloadFormat f : values()) {
            if (f.configName.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException(CONFIG + ": expected one of "
                + Arrays.stream(values()).map(PayloadFormat::configName).toList() + ", found '" + name + "'");
    }

    /**
     * A codec of this format for the generic {@link Demonstration} envelope that decodes straight
     * into plain steps; ingesters of envelope topics use it with {@link StepMapper#identity()}.
     */
    public PayloadCodec<ExpertStep> stepCodec() {
        return switch (this) {
            case AVRO_SINGLE_OBJECT -> new ExpertStepCodec();
            case AVRO_JSON -> new EnvelopeSteps(new AvroJsonCodec<>(Demonstration.class));
        };
    }

    /** A codec of this format for a generated record class. */
    public <T extends SpecificRecord> PayloadCodec<T> codecFor(Class<T> recordClass) {
        return switch (this) {
            case AVRO_SINGLE_OBJECT -> AvroSingleObjectCodec.forClass(recordClass);
            case AVRO_JSON -> new AvroJsonCodec<>(recordClass);
        };
    }

    /** Steps carried as envelopes in another codec. */
    private record EnvelopeSteps(PayloadCodec<Demonstration> envelopes) implements PayloadCodec<ExpertStep> {

        @Override
        public byte[] encode(ExpertStep step) {
            return envelopes.encode(DemonstrationEnvelope.toEnvelope(step));
        }

        @Override
        public ExpertStep decode(byte[] bytes) {
            Demonstration d = envelopes.decode(bytes);
            try {
                return DemonstrationEnvelope.toStep(d);
            } catch (IllegalArgumentException e) {
                throw new PayloadException(e.getMessage(), e);
            }
        }

        @Override
        public String format() {
            return envelopes.format();
        }
    }
}

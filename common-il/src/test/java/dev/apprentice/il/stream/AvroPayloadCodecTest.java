package dev.apprentice.il.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.il.stream.schema.DemonstrationEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroPayloadCodecTest {

    private static final Instant T = Instant.parse("2026-11-25T10:15:30.123Z");

    @Test
    void theNewestShippedVersionIsTheGeneratedSchemaAndReadsEveryOlderOne() {
        SchemaHistory history = SchemaHistory.load(Demonstration.getClassSchema().getFullName(),
                getClass().getClassLoader());

        assertTrue(history.versions().size() >= 2);
        assertEquals(SchemaNormalization.parsingFingerprint64(Demonstration.getClassSchema()),
                SchemaNormalization.parsingFingerprint64(history.latest()));
        history.checkReadableBy(Demonstration.getClassSchema());
    }

    @Test
    void roundTripsAnEnvelopeWithEveryField() {
        ExpertStep step = new ExpertStep("lane-change", "driver-7", "ep-3", 39, T, new float[] {1f, -2f, 3.5f},
                new float[] {0.25f, -0.5f}, false, true, true, new float[] {0f, 1f, 2f}, Map.of("style", "cautious"));

        Demonstration decoded = StreamFixtures.CODEC.decode(StreamFixtures.CODEC.encode(DemonstrationEnvelope.toEnvelope(step)));

        assertEquals(step, DemonstrationEnvelope.toStep(decoded));
    }

    @Test
    void decodesAVersion1RecordIntoTheCurrentClassWithDefaults() {
        byte[] v1 = StreamFixtures.version1Record("cartpole", "expert-1", "e1", 4, T.toEpochMilli(),
                List.of(0.1f, 0.2f, 0.3f, 0.4f), 1);

        Demonstration d = StreamFixtures.CODEC.decode(v1);

        assertEquals("expert-1", d.getSource());
        assertEquals(T, d.getEventTime());
        assertEquals(1, d.getAction());
        assertEquals(false, d.getTimeLimited());
        assertNull(d.getFinalState());
        assertEquals(Map.of(), d.getMetadata());
    }

    @Test
    void namesAnUnknownFingerprintAndTheKnownVersions() {
        PayloadException e = assertThrows(PayloadException.class,
                () -> StreamFixtures.CODEC.decode(StreamFixtures.encodeWithForeignSchema()));

        assertTrue(e.getMessage().startsWith("unknown schema fingerprint "), e.getMessage());
        assertTrue(e.getMessage().contains("v1=") && e.getMessage().contains("v2="), e.getMessage());
    }

    @Test
    void rejectsBytesWithoutTheSingleObjectMarker() {
        PayloadException e = assertThrows(PayloadException.class,
                () -> StreamFixtures.CODEC.decode("{\"step\": 1}".getBytes(StandardCharsets.UTF_8)));

        assertTrue(e.getMessage().contains("expected the marker C3 01"), e.getMessage());
        assertTrue(e.getMessage().contains("7B 22"), e.getMessage());
    }

    @Test
    void rejectsATruncatedBodyNamingTheVersion() {
        byte[] full = StreamFixtures.CODEC.encode(DemonstrationEnvelope.toEnvelope(sampleStep()));
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 7);

        PayloadException e = assertThrows(PayloadException.class, () -> StreamFixtures.CODEC.decode(cut));

        assertTrue(e.getMessage().startsWith("malformed dev.apprentice.il.stream.schema.Demonstration v2 body"),
                e.getMessage());
    }

    @Test
    void jsonFormatRoundTripsAndIsReadable() {
        PayloadCodec<Demonstration> json = PayloadFormat.parse("avro-json").codecFor(Demonstration.class);
        Demonstration d = DemonstrationEnvelope.toEnvelope(sampleStep());

        byte[] bytes = json.encode(d);

        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\"source\":\"expert-1\""));
        assertEquals(d, json.decode(bytes));
        PayloadException e = assertThrows(PayloadException.class, () -> json.decode(new byte[] {'{'}));
        assertTrue(e.getMessage().startsWith("malformed Avro JSON"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownFormatListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PayloadFormat.parse("protobuf"));

        assertEquals("apprentice.stream.payload-format: expected one of [avro-single-object, avro-json], found"
                + " 'protobuf'", e.getMessage());
    }

    @Test
    void kafkaSerdesAreConfiguredFromClientProperties() {
        Map<String, Object> props = Map.of(AvroPayloadSerdeConfig.RECORD_CLASS, Demonstration.class.getName());
        try (AvroPayloadSerializer<Demonstration> ser = new AvroPayloadSerializer<>();
                AvroPayloadDeserializer<Demonstration> de = new AvroPayloadDeserializer<>()) {
            ser.configure(props, false);
            de.configure(props, false);
            Demonstration d = DemonstrationEnvelope.toEnvelope(sampleStep());

            byte[] bytes = ser.serialize("t", d);

            assertEquals((byte) 0xC3, bytes[0]);
            assertEquals(d, de.deserialize("t", bytes));
            SerializationException e = assertThrows(SerializationException.class,
                    () -> de.deserialize("t", new byte[] {1, 2, 3}));
            assertTrue(e.getMessage().startsWith("t: not Avro single-object encoding"), e.getMessage());
        }
    }

    @Test
    void serdeConfigurationNamesAMissingRecordClass() {
        try (AvroPayloadSerializer<Demonstration> ser = new AvroPayloadSerializer<>()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ser.configure(Map.of(), false));
            assertTrue(e.getMessage().startsWith("apprentice.avro.record-class: expected"), e.getMessage());
        }
    }

    @Test
    void anEnvelopeOfTheWrongShapeIsRefusedWithTheField() {
        Demonstration d = DemonstrationEnvelope.toEnvelope(sampleStep());
        d.setSource(" ");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemonstrationEnvelope.toStep(d));

        assertEquals("source: expected a non-empty id, found ' '", e.getMessage());
    }

    @Test
    void discreteActionsTravelAsAnIndex() {
        ExpertStep s = sampleStep();

        Demonstration d = DemonstrationEnvelope.toEnvelope(s);

        assertEquals(2, d.getAction());
        assertArrayEquals(new float[] {2f}, DemonstrationEnvelope.toStep(d).action());
    }

    private static ExpertStep sampleStep() {
        return new ExpertStep("cartpole", "expert-1", "e1", 0, T, new float[] {0.1f, 0.2f, 0.3f, 0.4f},
                new float[] {2f}, true, false, false, null, Map.of());
    }
}

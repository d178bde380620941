package dev.apprentice.phonesecurity.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.apprentice.il.stream.AvroSingleObjectCodec;
import dev.apprentice.il.stream.SchemaHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

class BehaviourSchemaTest {

    @Test
    void theShippedHistoriesEndWithTheGeneratedSchemas() {
        for (Schema generated : List.of(BehaviourRecord.getClassSchema(), BehaviourPayload.getClassSchema())) {
            SchemaHistory history = SchemaHistory.load(generated.getFullName(), BehaviourRecord.class.getClassLoader());

            assertEquals(SchemaNormalization.parsingFingerprint64(generated),
                    SchemaNormalization.parsingFingerprint64(history.latest()), generated.getFullName());
            history.checkReadableBy(generated);
        }
    }

    @Test
    void aRecordRoundTripsThroughSingleObjectEncoding() {
        // given
        AvroSingleObjectCodec<BehaviourRecord> codec = AvroSingleObjectCodec.forClass(BehaviourRecord.class);
        BehaviourRecord record = BehaviourRecord.newBuilder()
                .setUserId("user-7")
                .setSessionId("d003-s12")
                .setSequence(4)
                .setCapturedAt(Instant.parse("2026-11-25T10:15:30.123Z"))
                .setEndsSession(true)
                .setKeyId("00112233aabbccdd")
                .setSealed(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}))
                .build();

        // when
        byte[] bytes = codec.encode(record);

        // then
        assertEquals((byte) 0xC3, bytes[0]);
        assertEquals((byte) 0x01, bytes[1]);
        assertEquals(record, codec.decode(bytes));
    }

    @Test
    void aPayloadRoundTripsWithAnUnknownHour() {
        // given
        AvroSingleObjectCodec<BehaviourPayload> codec = AvroSingleObjectCodec.forClass(BehaviourPayload.class);
        BehaviourPayload payload = payloadWithoutHour();

        // when
        BehaviourPayload decoded = codec.decode(codec.encode(payload));

        // then
        assertEquals(payload, decoded);
        assertNull(decoded.getLocalHour());
        assertEquals(30, decoded.getTouch().size());
        assertEquals(112, decoded.getSensor().size());
    }

    @Test
    void aPayloadNamingAnAppAddedLaterReadsAsUnknown() throws IOException {
        // given a newer writer whose catalogue has an app this reader does not know
        Schema newer = new Schema.Parser().parse(BehaviourPayload.getClassSchema().toString()
                .replace("\"GAMES\"]", "\"GAMES\",\"WALLET\"]"));
        GenericRecord written = new GenericData.Record(newer);
        written.put("activity", new GenericData.EnumSymbol(newer.getField("activity").schema(), "SITTING"));
        written.put("app", new GenericData.EnumSymbol(newer.getField("app").schema(), "WALLET"));
        written.put("local_hour", 9);
        written.put("touch", Collections.nCopies(30, 120f));
        written.put("sensor", Collections.nCopies(112, 0.5f));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(newer).write(written, encoder);
        encoder.flush();

        // when this version reads it
        BehaviourPayload read = new SpecificDatumReader<BehaviourPayload>(newer, BehaviourPayload.getClassSchema())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        // then
        assertEquals(App.UNKNOWN, read.getApp());
        assertEquals(Activity.SITTING, read.getActivity());
        assertEquals(9, read.getLocalHour());
    }

    private static BehaviourPayload payloadWithoutHour() {
        List<Float> touch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            touch.add(80f + i);
        }
        List<Float> sensor = new ArrayList<>();
        for (int j = 0; j < 112; j++) {
            sensor.add(j * 0.5f - 20f);
        }
        return BehaviourPayload.newBuilder()
                .setActivity(Activity.WALKING)
                .setApp(App.PIN_ENTRY)
                .setLocalHour(null)
                .setTouch(touch)
                .setSensor(sensor)
                .build();
    }
}

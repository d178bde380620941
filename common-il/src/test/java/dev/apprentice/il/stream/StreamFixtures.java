package dev.apprentice.il.stream;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.il.stream.schema.DemonstrationEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

/** Synthetic demonstration streams with a known mix of good, duplicate and bad records. */
final class StreamFixtures {

    static final String DOMAIN = "test-arm";
    static final Box STATE_SPACE = Box.uniform(4, -10f, 10f);
    static final Discrete ACTION_SPACE = new Discrete(3);
    static final DemonstrationValidator VALIDATOR = new DemonstrationValidator(DOMAIN, STATE_SPACE, ACTION_SPACE);
    static final AvroSingleObjectCodec<Demonstration> CODEC = AvroSingleObjectCodec.forClass(Demonstration.class);
    static final ExpertStepCodec STEPS = new ExpertStepCodec();

    private StreamFixtures() {
    }

    /** Why a planted bad record is bad, and a word its dead-letter reason must contain. */
    enum Defect {
        RANDOM_BYTES("not Avro single-object encoding"),
        TRUNCATED("malformed"),
        UNKNOWN_FINGERPRINT("unknown schema fingerprint"),
        NAN_STATE("expected a number, found NaN"),
        WRONG_DIMENSION("expected 4 values, found 3"),
        ACTION_OUT_OF_RANGE("expected an action index in [0, 2]"),
        CONTINUOUS_ACTION("expected an action index for Discrete(3)");

        final String reasonContains;

        Defect(String reasonContains) {
            this.reasonContains = reasonContains;
        }
    }

    /** One record to publish. */
    record Planned(String key, byte[] value, String dedupKey, Defect defect, boolean duplicate) {
    }

    /** A stream plan: every record, plus the expected outcome. */
    record Plan(List<Planned> records, Set<String> validKeys, int bad, int duplicates) {
    }

    /**
     * {@code total} records in episodes of {@code episodeLength}: a fraction {@code badFraction}
     * replaced by defective records (cycling through every defect), {@code duplicates} re-sends of
     * earlier good records, the rest good.
     */
    static Plan plan(int total, int episodeLength, double badFraction, int duplicates, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Planned> out = new ArrayList<>(total);
        Set<String> valid = new HashSet<>();
        List<Planned> goodSoFar = new ArrayList<>();
        int bad = 0;
        int dups = 0;
        Defect[] defects = Defect.values();
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        int i = 0;
        while (out.size() < total) {
            int episode = i / episodeLength;
            int step = i % episodeLength;
            i++;
            String source = "expert-" + (episode % 7);
            String episodeId = "ep-" + episode;
            String key = DemonstrationPublisher.episodeKey(source, episodeId);
            String dedup = source + "/" + episodeId + "#" + step;
            boolean remainingAreDuplicates = total - out.size() <= duplicates - dups;
            if (dups < duplicates && !goodSoFar.isEmpty() && (remainingAreDuplicates || rng.nextInt(total) < duplicates)) {
                Planned original = goodSoFar.get(rng.nextInt(goodSoFar.size()));
                out.add(new Planned(original.key(), original.value(), original.dedupKey(), null, true));
                dups++;
                i--;
                continue;
            }
            ExpertStep good = step(source, episodeId, step, step == episodeLength - 1, t0.plusSeconds(i), rng);
            if (rng.nextDouble() < badFraction) {
                Defect d = defects[bad % defects.length];
                out.add(new Planned(key, defective(good, d, rng), dedup, d, false));
                bad++;
            } else {
                Planned p = new Planned(key, CODEC.encode(DemonstrationEnvelope.toEnvelope(good)), dedup, null, false);
                out.add(p);
                goodSoFar.add(p);
                valid.add(dedup);
            }
        }
        return new Plan(out, valid, bad, dups);
    }

    static ExpertStep step(String source, String episode, int step, boolean terminal, Instant time,
            SplittableRandom rng) {
        float[] state = new float[4];
        for (int k = 0; k < 4; k++) {
            state[k] = (float) (rng.nextDouble() * 20 - 10);
        }
        return new ExpertStep(DOMAIN, source, episode, step, time, state, new float[] {rng.nextInt(3)}, true,
                terminal, false, null, Map.of("style", "normal"));
    }

    private static byte[] defective(ExpertStep good, Defect d, SplittableRandom rng) {
        Demonstration env = DemonstrationEnvelope.toEnvelope(good);
        switch (d) {
            case RANDOM_BYTES -> {
                byte[] b = new byte[5 + rng.nextInt(60)];
                rng.nextBytes(b);
                b[0] = 0x7B;
                return b;
            }
            case TRUNCATED -> {
                byte[] full = CODEC.encode(env);
                return Arrays.copyOf(full, 14);
            }
            case UNKNOWN_FINGERPRINT -> {
                return encodeWithForeignSchema();
            }
            case NAN_STATE -> env.getState().set(2, Float.NaN);
            case WRONG_DIMENSION -> env.getState().remove(3);
            case ACTION_OUT_OF_RANGE -> env.setAction(3 + rng.nextInt(5));
            case CONTINUOUS_ACTION -> env.setAction(List.of(0.5f, 0.5f));
            default -> throw new IllegalStateException(d.name());
        }
        return CODEC.encode(env);
    }

    /** A terminal step as a producer built against schema v1 writes it (no timeLimited, finalState, metadata). */
    static byte[] version1Record(String domain, String source, String episode, int step, long eventTimeMillis,
            List<Float> state, int action) {
        Schema v1 = CODEC.history().versions().get(0);
        GenericRecord r = new GenericData.Record(v1);
        r.put("domain", domain);
        r.put("source", source);
        r.put("episode", episode);
        r.put("step", step);
        r.put("eventTime", eventTimeMillis);
        r.put("state", state);
        r.put("action", action);
        r.put("terminal", true);
        return encodeGeneric(v1, r);
    }

    /** A well-formed single-object record whose schema this code has never shipped. */
    static byte[] encodeWithForeignSchema() {
        Schema foreign = SchemaBuilder.record("Demonstration").namespace("dev.apprentice.il.stream.schema").fields()
                .requiredString("domain").requiredString("source").requiredString("episode").requiredInt("step")
                .requiredString("comment").endRecord();
        GenericRecord r = new GenericData.Record(foreign);
        r.put("domain", DOMAIN);
        r.put("source", "x");
        r.put("episode", "y");
        r.put("step", 0);
        r.put("comment", "from a producer built against an unreleased schema");
        return encodeGeneric(foreign, r);
    }

    static byte[] encodeGeneric(Schema schema, GenericRecord r) {
        try {
            ByteBuffer buf = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(r);
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}

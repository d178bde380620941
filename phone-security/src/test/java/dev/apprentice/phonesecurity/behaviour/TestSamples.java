package dev.apprentice.phonesecurity.behaviour;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Samples with distinctive feature values, so that a reordering, a truncation or a leaked value would show. */
public final class TestSamples {

    /** When the samples of {@link #session} start. */
    public static final Instant START = Instant.parse("2026-11-25T10:15:30.123Z");

    private TestSamples() {
    }

    /** Feature {@code i}: touch timings 100.25, 101.25, ...; sensor statistics -3.43359375, -3.37109375, ... (none round) */
    public static float[] features() {
        float[] f = new float[BehaviourLayout.FEATURES];
        for (int i = 0; i < BehaviourLayout.TOUCH; i++) {
            f[i] = 100.25f + i;
        }
        for (int j = 0; j < BehaviourLayout.SENSOR; j++) {
            f[BehaviourLayout.TOUCH + j] = (j - 55) * 0.0625f + 0.00390625f;
        }
        return f;
    }

    /** One sample of user {@code userId}, mid-session, walking in the maps app at 14h. */
    public static BehaviourSample sample(String userId, String sessionId, int sequence) {
        return new BehaviourSample(userId, sessionId, sequence, START.plusSeconds(30L * sequence), Activity.WALKING, App.MAPS,
                OptionalInt.of(14), features(), false);
    }

    /** A whole session of {@code length} samples, the last one closing it. */
    public static List<BehaviourSample> session(String userId, String sessionId, int length) {
        List<BehaviourSample> samples = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            samples.add(new BehaviourSample(userId, sessionId, i, START.plusSeconds(30L * i), Activity.SITTING,
                    App.CATALOGUE.get(i % App.CATALOGUE.size()), i == 0 ? OptionalInt.empty() : OptionalInt.of(10),
                    features(), i == length - 1));
        }
        return samples;
    }

    /** Whether {@code message} shows any of {@link #features()}' values. */
    public static boolean showsAFeatureValue(String message) {
        for (float v : features()) {
            if ((message.contains(Float.toString(v)) || message.contains(Double.toString(v)))) {
                return true;
            }
        }
        return false;
    }
}

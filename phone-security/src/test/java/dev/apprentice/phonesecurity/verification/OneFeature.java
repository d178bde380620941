package dev.apprentice.phonesecurity.verification;

import dev.apprentice.phonesecurity.behaviour.FeatureSample;

import dev.apprentice.phonesecurity.behaviour.Activity;
import java.util.Arrays;
import java.util.List;

/**
 * One-feature samples for hand-computed baseline tests; the background {−1, 0, 1} has mean 0 and
 * standard deviation 1, so background-standardised values equal the raw ones.
 */
final class OneFeature {

    /** A background pool whose standardisation is the identity. */
    static final List<FeatureSample> UNIT_BACKGROUND = samples("background", -1, 0, 1);

    private OneFeature() {
    }

    static List<FeatureSample> samples(String user, double... values) {
        return Arrays.stream(values).mapToObj(v -> sample(user, v)).toList();
    }

    static FeatureSample sample(String user, double value) {
        return new FeatureSample(user, Activity.SITTING, new float[] {(float) value});
    }
}

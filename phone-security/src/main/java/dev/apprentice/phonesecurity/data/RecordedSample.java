package dev.apprentice.phonesecurity.data;

import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import java.util.Objects;

/**
 * One sample as recorded in a data set, kept with the line it came from so that every result can
 * be traced back to the files. The features are copied in and out, so a loaded data set cannot be
 * changed through its samples.
 *
 * @param user the user's label, e.g. {@code 17}
 * @param activity what the user was doing
 * @param line the 1-based line of the sample in its activity's files
 * @param features the {@link BehaviourLayout#FEATURES} features, touch timings first; all finite
 */
public record RecordedSample(String user, Activity activity, int line, float[] features) {

    public RecordedSample {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(activity, "activity");
        if (line < 1) {
            throw new IllegalArgumentException("line: expected a line number from 1, found " + line);
        }
        if (features.length != BehaviourLayout.FEATURES) {
            throw new IllegalArgumentException("features: expected " + BehaviourLayout.FEATURES + " values, found "
                    + features.length);
        }
        features = features.clone();
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new IllegalArgumentException("features: expected finite values, found " + features[i]
                        + " at index " + i);
            }
        }
    }

    /** A copy of the features. */
    @Override
    public float[] features() {
        return features.clone();
    }
}

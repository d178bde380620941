package dev.apprentice.phonesecurity.behaviour;

import java.util.Objects;

/**
 * One sample as a verification method sees it: whose it is, the activity it was captured in and
 * its features (already restricted to a {@link FeatureSet}, finite).
 *
 * @param user the user's id
 * @param activity the context it was captured in
 * @param features the behaviour features
 */
public record FeatureSample(String user, Activity activity, float[] features) {

    public FeatureSample {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(features, "features");
    }
}

package dev.apprentice.il.env;

import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.spaces.Box;
import java.util.random.RandomGenerator;

/**
 * A domain's feature map from the raw observation its streams, store and API carry to the vector
 * its policies see (a {@code StateEncoder} in DJL's terms). Training wraps environments and
 * demonstrations with it; serving applies it before the policy; the model card names it by
 * {@link #id()} so that a policy is never fed features it was not trained on.
 *
 * <p>Implementations are pure functions of the observation and safe to call from several threads.
 */
public interface ObservationEncoder {

    /** Stable name and version of the encoding, recorded in model cards, e.g. {@code lane-features-v1}. */
    String id();

    /** The raw observations accepted. */
    Box inputSpace();

    /** The features produced. */
    Box outputSpace();

    /** Encodes one raw observation into a new array in {@link #outputSpace()}. */
    float[] encode(float[] observation);

    /** An actor on raw observations that acts as {@code featureActor} does on their features. */
    default Actor actorOnRawObservations(Actor featureActor) {
        ObservationEncoder encoder = this;
        return new Actor() {
            @Override
            public float[] act(float[] observation, RandomGenerator rng) {
                return featureActor.act(encode(observation), rng);
            }

            @Override
            public Actor forEpisode() {
                Actor episodeActor = featureActor.forEpisode();
                return episodeActor == featureActor ? this : encoder.actorOnRawObservations(episodeActor);
            }
        };
    }
}

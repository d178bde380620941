package dev.apprentice.il.env;

import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.util.function.Supplier;

/**
 * An environment seen through an {@link ObservationEncoder}: what interactive trainers (GAIL, RAIL,
 * DAgger) roll out in when a domain's policies act on features rather than raw observations.
 * Rewards, termination and actions pass through unchanged.
 */
public final class EncodedEnvironment implements Environment {

    private final Environment raw;
    private final ObservationEncoder encoder;

    /**
     * @throws IllegalArgumentException when the encoder does not accept this environment's observations
     */
    public EncodedEnvironment(Environment raw, ObservationEncoder encoder) {
        if (!raw.observationSpace().equals(encoder.inputSpace())) {
            throw new IllegalArgumentException("encoder " + encoder.id() + ": accepts observations in "
                    + encoder.inputSpace() + ", but the environment produces " + raw.observationSpace());
        }
        this.raw = raw;
        this.encoder = encoder;
    }

    /** A factory of encoded environments, one per call, as trainers and collectors expect. */
    public static Supplier<Environment> wrap(Supplier<? extends Environment> raw, ObservationEncoder encoder) {
        return () -> new EncodedEnvironment(raw.get(), encoder);
    }

    /** The environment underneath. */
    public Environment raw() {
        return raw;
    }

    @Override
    public Box observationSpace() {
        return encoder.outputSpace();
    }

    @Override
    public Space actionSpace() {
        return raw.actionSpace();
    }

    @Override
    public float[] reset(long seed) {
        return encoder.encode(raw.reset(seed));
    }

    @Override
    public StepResult step(float[] action) {
        StepResult r = raw.step(action);
        return new StepResult(encoder.encode(r.observation()), r.reward(), r.terminated(), r.truncated());
    }
}

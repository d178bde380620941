package dev.apprentice.il.env.reference;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.policy.Actor;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The built-in environments, each with its scripted expert, by name: what tests, benchmarks and
 * the CLI train on when no domain data is at hand.
 */
public enum ReferenceTask {
    /** Discrete cart-pole balancing, 500 steps. */
    CARTPOLE(CartPoleEnvironment::new, new CartPoleExpert(), CartPoleEnvironment.MAX_STEPS),
    /** Continuous pendulum swing-up, 200 steps. */
    PENDULUM(PendulumEnvironment::new, new PendulumExpert(), PendulumEnvironment.MAX_STEPS),
    /** Discrete identity with 4 actions. */
    IDENTITY_DISCRETE(() -> IdentityEnvironment.discrete(4), new IdentityExpert(true), IdentityEnvironment.EPISODE_LENGTH),
    /** Continuous identity in 2 dimensions. */
    IDENTITY_CONTINUOUS(() -> IdentityEnvironment.continuous(2), new IdentityExpert(false), IdentityEnvironment.EPISODE_LENGTH);

    private final Supplier<Environment> factory;
    private final Actor expert;
    private final int maxEpisodeSteps;

    ReferenceTask(Supplier<Environment> factory, Actor expert, int maxEpisodeSteps) {
        this.factory = factory;
        this.expert = expert;
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    /** Creates environments of this task, one per call. */
    public Supplier<Environment> environments() {
        return factory;
    }

    /** The scripted expert. */
    public Actor expert() {
        return expert;
    }

    /** The longest an episode can be. */
    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** The lower-case name used on command lines and in model cards, e.g. {@code identity-discrete}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Looks a task up by {@link #id()}, with a message listing the valid names. */
    public static ReferenceTask byId(String id) {
        for (ReferenceTask t : values()) {
            if (t.id().equalsIgnoreCase(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("environment: expected one of "
                + Arrays.stream(values()).map(ReferenceTask::id).toList() + ", found '" + id + "'");
    }
}

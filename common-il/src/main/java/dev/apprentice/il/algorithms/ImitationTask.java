package dev.apprentice.il.algorithms;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.policy.Actor;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a trainer learns from: expert demonstrations, plus, for algorithms that interact (GAIL,
 * RAIL) or query the expert (DAgger), a way to create environments and the expert itself.
 */
public final class ImitationTask {

    private final DemonstrationSet demonstrations;
    private final Supplier<? extends Environment> environments;
    private final Actor expert;

    private ImitationTask(DemonstrationSet demonstrations, Supplier<? extends Environment> environments, Actor expert) {
        if (demonstrations == null) {
            throw new IllegalArgumentException("imitation task: demonstrations are required");
        }
        this.demonstrations = demonstrations;
        this.environments = environments;
        this.expert = expert;
    }

    /** A task with demonstrations only, enough for behaviour cloning. */
    public static ImitationTask of(DemonstrationSet demonstrations) {
        return new ImitationTask(demonstrations, null, null);
    }

    /** This task plus an environment factory (one environment per call). */
    public ImitationTask withEnvironments(Supplier<? extends Environment> factory) {
        return new ImitationTask(demonstrations, factory, expert);
    }

    /** This task plus a queryable expert. */
    public ImitationTask withExpert(Actor queryableExpert) {
        return new ImitationTask(demonstrations, environments, queryableExpert);
    }

    public DemonstrationSet demonstrations() {
        return demonstrations;
    }

    public Optional<Supplier<? extends Environment>> environments() {
        return Optional.ofNullable(environments);
    }

    public Optional<Actor> expert() {
        return Optional.ofNullable(expert);
    }
}

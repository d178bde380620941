package dev.apprentice.il.algorithms;

import dev.apprentice.il.algorithms.meta.MetaTasks;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.policy.Actor;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a trainer learns from: expert demonstrations, plus, for algorithms that interact (GAIL,
 * RAIL) or query the expert (DAgger), a way to create environments and the expert itself; or,
 * for meta-learners, a distribution of tasks.
 */
public final class ImitationTask {

    private final DemonstrationSet demonstrations;
    private final MetaTasks metaTasks;
    private final Supplier<? extends Environment> environments;
    private final Actor expert;

    private ImitationTask(DemonstrationSet demonstrations, MetaTasks metaTasks, Supplier<? extends Environment> environments,
            Actor expert) {
        if (demonstrations == null && metaTasks == null) {
            throw new IllegalArgumentException("imitation task: demonstrations or a task distribution are required");
        }
        this.demonstrations = demonstrations;
        this.metaTasks = metaTasks;
        this.environments = environments;
        this.expert = expert;
    }

    /** A task with demonstrations only, enough for behaviour cloning. */
    public static ImitationTask of(DemonstrationSet demonstrations) {
        if (demonstrations == null) {
            throw new IllegalArgumentException("imitation task: demonstrations are required");
        }
        return new ImitationTask(demonstrations, null, null, null);
    }

    /** A meta-learning task: a distribution of tasks (people, dynamics) instead of one demonstration set. */
    public static ImitationTask ofTasks(MetaTasks tasks) {
        if (tasks == null) {
            throw new IllegalArgumentException("imitation task: the task distribution is required");
        }
        return new ImitationTask(null, tasks, null, null);
    }

    /** This task plus an environment factory (one environment per call). */
    public ImitationTask withEnvironments(Supplier<? extends Environment> factory) {
        return new ImitationTask(demonstrations, metaTasks, factory, expert);
    }

    /** This task plus a queryable expert. */
    public ImitationTask withExpert(Actor queryableExpert) {
        return new ImitationTask(demonstrations, metaTasks, environments, queryableExpert);
    }

    /**
     * The expert demonstrations.
     *
     * @throws IllegalArgumentException when this is a meta-learning task without a demonstration set
     */
    public DemonstrationSet demonstrations() {
        if (demonstrations == null) {
            throw new IllegalArgumentException("imitation task: this algorithm learns from demonstrations, the task holds "
                    + "only a task distribution (" + metaTasks.getClass().getSimpleName() + ")");
        }
        return demonstrations;
    }

    /** The task distribution, for meta-learners. */
    public Optional<MetaTasks> metaTasks() {
        return Optional.ofNullable(metaTasks);
    }

    /**
     * What the trained parameters were learned from, as a fingerprint: the demonstrations'
     * SHA-256, or the task distribution's fingerprint. Checkpoints resume only on the same one.
     */
    public String dataFingerprint() {
        return demonstrations != null ? demonstrations.sha256() : metaTasks.fingerprint();
    }

    public Optional<Supplier<? extends Environment>> environments() {
        return Optional.ofNullable(environments);
    }

    public Optional<Actor> expert() {
        return Optional.ofNullable(expert);
    }
}

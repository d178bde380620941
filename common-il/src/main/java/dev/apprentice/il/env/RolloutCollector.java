package dev.apprentice.il.env;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.policy.Actor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs many episodes in parallel, one environment instance per worker thread. Each episode's
 * outcome depends only on its seed (which seeds both the environment and the actor's sampling),
 * so results are identical whatever the thread count.
 */
public final class RolloutCollector implements AutoCloseable {

    /** Mixes an episode seed into the seed of the actor's random stream, distinct from the environment's. */
    private static final long ACTOR_SEED_SALT = 0x9E3779B97F4A7C15L;

    private final int threads;
    private final int maxEpisodeSteps;
    private final ExecutorService pool;

    /**
     * @param threads worker threads, at least 1
     * @param maxEpisodeSteps safety limit: an episode still running after this many steps is an error
     */
    public RolloutCollector(int threads, int maxEpisodeSteps) {
        if (threads < 1) {
            throw new IllegalArgumentException("rollout threads: expected at least 1, found " + threads);
        }
        if (maxEpisodeSteps < 1) {
            throw new IllegalArgumentException("max episode steps: expected at least 1, found " + maxEpisodeSteps);
        }
        this.threads = threads;
        this.maxEpisodeSteps = maxEpisodeSteps;
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "apprentice-rollout-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A collector with one thread per available processor and a limit of 100,000 steps per episode. */
    public static RolloutCollector withAvailableProcessors() {
        return new RolloutCollector(Runtime.getRuntime().availableProcessors(), 100_000);
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs one episode per seed and returns the trajectories in seed order.
     *
     * @param environments creates one environment per worker thread
     * @param actor chooses actions; must be safe to call from several threads
     * @param seeds one per episode
     */
    public List<Trajectory> collect(Supplier<? extends Environment> environments, Actor actor, long[] seeds) {
        return runSlots(environments, seeds.length, (env, i) -> runEpisode(env, actor, seeds[i]));
    }

    /** Work for one slot on the calling worker's own environment. */
    @FunctionalInterface
    public interface SlotTask<T> {
        T run(Environment env, int slot);
    }

    /**
     * Runs {@code task} for slots {@code 0 .. count - 1} on the worker threads, each worker with
     * one environment, and returns the results in slot order. Slots are handed out dynamically but
     * every result lands in its own slot, so a task whose outcome depends only on its slot gives
     * the same list whatever the thread count.
     */
    public <T> List<T> runSlots(Supplier<? extends Environment> environments, int count, SlotTask<T> task) {
        Object[] results = new Object[count];
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(threads, Math.max(1, count));
        List<Future<?>> futures = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                Environment env = environments.get();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    results[i] = task.run(env, i);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(other -> other.cancel(true));
                throw new IllegalStateException("rollouts were interrupted", e);
            } catch (ExecutionException e) {
                futures.forEach(other -> other.cancel(true));
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("rollout failed: " + cause, cause);
            }
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    /**
     * Records an expert's episodes, one per seed, as a demonstration set validated against the
     * environment's spaces.
     */
    public DemonstrationSet demonstrations(Supplier<? extends Environment> environments, Actor expert, long[] seeds) {
        Environment probe = environments.get();
        return DemonstrationSet.fromTrajectories(probe.observationSpace(), probe.actionSpace(),
                collect(environments, expert, seeds));
    }

    /** Seeds {@code first, first + 1, ..., first + count - 1}: the usual way to name a block of episodes. */
    public static long[] seeds(long first, int count) {
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = first + i;
        }
        return seeds;
    }

    /** Runs a single episode on the calling thread, with {@link Actor#forEpisode() the actor for one episode}. */
    public Trajectory runEpisode(Environment env, Actor sharedActor, long seed) {
        Actor actor = sharedActor.forEpisode();
        SplittableRandom rng = new SplittableRandom(seed ^ ACTOR_SEED_SALT);
        List<float[]> states = new ArrayList<>();
        List<float[]> actions = new ArrayList<>();
        float[] rewards = new float[64];
        float[] obs = env.reset(seed);
        states.add(obs);
        for (int step = 0; step < maxEpisodeSteps; step++) {
            float[] action = actor.act(obs, rng);
            StepResult result = env.step(action);
            actions.add(action);
            if (step == rewards.length) {
                rewards = Arrays.copyOf(rewards, rewards.length * 2);
            }
            rewards[step] = (float) result.reward();
            obs = result.observation();
            states.add(obs);
            if (result.done()) {
                return Trajectory.of(states, actions, Arrays.copyOf(rewards, step + 1), result.terminated());
            }
        }
        throw new IllegalStateException("episode with seed " + seed + " did not end within " + maxEpisodeSteps + " steps");
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

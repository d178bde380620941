package dev.apprentice.il.benchmarks;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.gail.GailConfig;
import dev.apprentice.il.algorithms.gail.GailTrainer;
import dev.apprentice.il.algorithms.rail.RailConfig;
import dev.apprentice.il.algorithms.rail.RailTrainer;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.discriminator.DiscriminatorConfig;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.nn.TrainingEngine;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Environment steps per second of adversarial training on CartPole from 10 expert episodes,
 * against a baseline measured in the same run: rolling out the same algorithm's policy with the
 * same thread count and no learning. The {@code envSteps} counter is the figure to read; the
 * primary score only counts invocations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0")
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class AdversarialTrainingBenchmark {

    /** GAIL iterations per training invocation, each of at least {@value #GAIL_STEPS_PER_ITERATION} steps. */
    static final int GAIL_ITERATIONS = 3;
    static final int GAIL_STEPS_PER_ITERATION = 2048;
    /**
     * RAIL iterations per training invocation, each 32 episodes (16 antithetic direction pairs);
     * RAIL balances CartPole from about the tenth on, so the run includes long episodes.
     */
    static final int RAIL_ITERATIONS = 10;
    /** Episodes per rollout-baseline invocation: enough that two threads share the work evenly. */
    static final int BASELINE_EPISODES = 32;
    /** Baseline episodes start at this seed, away from the expert's seeds 1 to 10. */
    static final long BASELINE_FIRST_SEED = 1_000_000;

    /** The adversarial algorithm whose training is measured. */
    @Param({"gail", "rail"})
    public String algorithm;

    /** The engine that trains the networks (policy, value and discriminator). */
    @Param({"PLAIN_JAVA", "DL4J"})
    public TrainingEngine engine;

    /** Rollout threads of the trainer and of the baseline's collector. */
    @Param({"1", "2"})
    public int threads;

    private final LongAdder steps = new LongAdder();
    private ImitationTask task;
    private Policy trainedPolicy;
    private RolloutCollector collector;
    private long nextBaselineSeed = BASELINE_FIRST_SEED;

    /**
     * Records the expert episodes and trains once, which both checks that training runs and gives
     * the baseline the policy training ends with, so both roll out the same kind of policy.
     */
    @Setup(Level.Trial)
    public void setUp() {
        DemonstrationSet demos;
        try (RolloutCollector expertCollector = new RolloutCollector(1, ReferenceTask.CARTPOLE.maxEpisodeSteps())) {
            demos = expertCollector.demonstrations(ReferenceTask.CARTPOLE.environments(),
                    ReferenceTask.CARTPOLE.expert(), RolloutCollector.seeds(1, 10));
        }
        Supplier<Environment> cartPole = ReferenceTask.CARTPOLE.environments();
        task = ImitationTask.of(demos).withEnvironments(() -> new StepCountingEnvironment(cartPole.get(), steps));
        trainedPolicy = trainer().train(task, TrainingListener.NONE).policy();
        collector = new RolloutCollector(threads, ReferenceTask.CARTPOLE.maxEpisodeSteps());
    }

    /** Stops the baseline's rollout threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        collector.close();
    }

    /** A fixed, short training run from scratch; {@code envSteps} counts the steps its rollouts took. */
    @Benchmark
    public TrainingOutcome training(EnvironmentSteps counter) {
        long before = steps.sum();
        TrainingOutcome outcome = trainer().train(task, TrainingListener.NONE);
        counter.envSteps += steps.sum() - before;
        return outcome;
    }

    /** The baseline: {@value #BASELINE_EPISODES} episodes of the trained policy, nothing learnt. */
    @Benchmark
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 3)
    public List<Trajectory> rollouts(EnvironmentSteps counter) {
        long before = steps.sum();
        List<Trajectory> episodes = collector.collect(task.environments().orElseThrow(), trainedPolicy,
                RolloutCollector.seeds(nextBaselineSeed, BASELINE_EPISODES));
        nextBaselineSeed += BASELINE_EPISODES;
        counter.envSteps += steps.sum() - before;
        return episodes;
    }

    private Trainer trainer() {
        return switch (algorithm) {
            case "gail" -> new GailTrainer(GailConfig.builder().iterations(GAIL_ITERATIONS)
                    .stepsPerIteration(GAIL_STEPS_PER_ITERATION).engine(engine).discriminator(discriminator(DiscriminatorConfig.defaults())).seed(1)
                    .build(), threads);
            case "rail" -> new RailTrainer(RailConfig.builder().iterations(RAIL_ITERATIONS).threads(threads)
                    .discriminator(discriminator(RailConfig.defaultDiscriminator())).seed(1).build());
            default -> throw new IllegalArgumentException("algorithm: expected gail or rail, found '" + algorithm + "'");
        };
    }

    /** The algorithm's default discriminator on this benchmark's engine. */
    private DiscriminatorConfig discriminator(DiscriminatorConfig defaults) {
        return defaults.toBuilder().engine(engine).build();
    }

    /** The environment steps taken during a measurement iteration, which JMH reports per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class EnvironmentSteps {

        /** Steps counted in the current iteration. */
        public long envSteps;

        /** JMH does not reset auxiliary counters itself. */
        @Setup(Level.Iteration)
        public void reset() {
            envSteps = 0;
        }
    }

    /** Counts every step into a shared adder, so training and baseline are measured the same way. */
    private static final class StepCountingEnvironment implements Environment {

        private final Environment delegate;
        private final LongAdder steps;

        StepCountingEnvironment(Environment delegate, LongAdder steps) {
            this.delegate = delegate;
            this.steps = steps;
        }

        @Override
        public Box observationSpace() {
            return delegate.observationSpace();
        }

        @Override
        public Space actionSpace() {
            return delegate.actionSpace();
        }

        @Override
        public float[] reset(long seed) {
            return delegate.reset(seed);
        }

        @Override
        public StepResult step(float[] action) {
            StepResult result = delegate.step(action);
            steps.increment();
            return result;
        }
    }
}

package dev.apprentice.il.benchmarks;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.nn.CategoricalNllLoss;
import dev.apprentice.il.nn.PolicyNetworks;
import dev.apprentice.il.nn.TrainableNetwork;
import dev.apprentice.il.nn.TrainingEngine;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.spaces.Discrete;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Behaviour-cloning training throughput on each {@link TrainingEngine}: one epoch of minibatch Adam
 * ({@link TrainableNetwork#fit}) over 10 CartPole expert episodes, reported in samples per second
 * (one JMH operation is one sample). {@code benchmarks/run} runs the PyTorch peer beside it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class BcTrainingBenchmark {

    /** Samples in one epoch: 10 CartPole expert episodes of 500 steps. */
    static final int SAMPLES = 5000;

    /** Minibatch size; the last batch of an epoch is partial. */
    @Param({"64", "256"})
    public int batchSize;

    /**
     * Width of both hidden layers: 64 is the project's default; larger widths
     * ({@code -p hiddenWidth=256,512,1024}) locate where DL4J's matrix products overtake plain Java,
     * which sets {@link TrainingEngine#AUTO_MAX_WIDTH}.
     */
    @Param({"64"})
    public int hiddenWidth;

    /** The engine that trains. */
    @Param({"PLAIN_JAVA", "DL4J"})
    public TrainingEngine engine;

    private TrainableNetwork network;
    private final List<float[]> features = new ArrayList<>();
    private final List<float[]> labels = new ArrayList<>();
    private final List<Integer> rows = new ArrayList<>();

    /**
     * Records the demonstrations, normalises states, one-hot encodes actions, shuffles once and
     * cuts the epoch into minibatch arrays, so the benchmark measures training alone.
     */
    @Setup
    public void setUp() {
        DemonstrationSet demos;
        try (RolloutCollector collector = new RolloutCollector(1, 100_000)) {
            demos = collector.demonstrations(ReferenceTask.CARTPOLE.environments(), ReferenceTask.CARTPOLE.expert(),
                    RolloutCollector.seeds(1, 10));
        }
        if (demos.size() != SAMPLES) {
            throw new IllegalStateException("CartPole demonstrations: expected " + SAMPLES + " samples, found "
                    + demos.size() + "; update SAMPLES and @OperationsPerInvocation");
        }
        int sw = demos.stateWidth();
        int actions = ((Discrete) demos.actionSpace()).n();
        float[][] moments = demos.stateMoments();
        ObservationNormalizer normalizer = new ObservationNormalizer(moments[0], moments[1]);

        int[] order = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = SAMPLES - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        for (int start = 0; start < SAMPLES; start += batchSize) {
            int n = Math.min(batchSize, SAMPLES - start);
            float[] states = new float[n * sw];
            float[] oneHot = new float[n * actions];
            for (int k = 0; k < n; k++) {
                int sample = order[start + k];
                demos.copyState(sample, states, k * sw);
                oneHot[k * actions + (int) demos.action(sample)[0]] = 1f;
            }
            normalizer.normalizeRowsInPlace(states);
            features.add(states);
            labels.add(oneHot);
            rows.add(n);
        }

        network = PolicyNetworks.build(new PolicyNetworks.Spec(sw, new int[] {hiddenWidth, hiddenWidth}, Activation.TANH, actions,
                new CategoricalNllLoss(1e-3), 1e-3, 0.0, 0L, 0, engine));
    }

    /** One training epoch; JMH divides by {@value #SAMPLES} to report samples per second. */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public double epoch() {
        double loss = 0;
        for (int b = 0; b < features.size(); b++) {
            loss = network.fit(features.get(b), labels.get(b), rows.get(b));
        }
        return loss;
    }
}

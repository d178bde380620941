package dev.apprentice.il.benchmarks;

import dev.apprentice.il.nn.CategoricalNllLoss;
import dev.apprentice.il.nn.PolicyNetworks;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.DenseNetwork;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-sample forward pass of a 20→64→64→5 tanh MLP: the exported plain-Java network against
 * DL4J's {@code MultiLayerNetwork.output}, on the same weights and the same input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0")
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ForwardPassBenchmark {

    static final int INPUTS = 20;
    static final int[] HIDDEN = {64, 64};
    static final int OUTPUTS = 5;

    private MultiLayerNetwork dl4jNetwork;
    private DenseNetwork plainNetwork;
    private float[] input;
    private INDArray inputRow;

    /** Builds the DL4J network, exports its weights, and checks that both give the same outputs. */
    @Setup
    public void setUp() {
        dl4jNetwork = PolicyNetworks.buildDl4j(new PolicyNetworks.Spec(INPUTS, HIDDEN, Activation.TANH, OUTPUTS,
                new CategoricalNllLoss(0.0), 1e-3, 0.0, 42L));
        plainNetwork = PolicyNetworks.export(dl4jNetwork);
        SplittableRandom rng = new SplittableRandom(7);
        input = new float[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            input[i] = (float) rng.nextDouble(-2.0, 2.0);
        }
        inputRow = Nd4j.create(input, new long[] {1, INPUTS}, 'c');

        float[] plain = plainNetwork.forward(input);
        float[] dl4j = dl4jNetwork.output(inputRow).toFloatVector();
        for (int j = 0; j < OUTPUTS; j++) {
            if (Math.abs(plain[j] - dl4j[j]) > 1e-4f) {
                throw new IllegalStateException("output " + j + ": plain Java gives " + plain[j] + ", DL4J gives "
                        + dl4j[j] + "; the benchmark would compare different computations");
            }
        }
    }

    /** The exported plain-Java network, as used by serving and rollouts. */
    @Benchmark
    public float[] plainJava() {
        return plainNetwork.forward(input);
    }

    /** DL4J's inference call on a 1×20 row. */
    @Benchmark
    public INDArray dl4j() {
        return dl4jNetwork.output(inputRow);
    }
}

package dev.apprentice.il.benchmarks;

import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.env.reference.CartPoleEnvironment;
import dev.apprentice.lanechange.sim.DriverStyle;
import dev.apprentice.lanechange.sim.HighwaySimulator;
import dev.apprentice.lanechange.sim.LaneChangeExpert;
import dev.apprentice.lanechange.sim.LaneFeatures;
import dev.apprentice.lanechange.sim.MetaAction;
import java.util.concurrent.TimeUnit;
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
 * Cost of one lane-change decision step on one core: the highway simulator (50 IDM + MOBIL
 * vehicles, 15 physics steps of the kinematic bicycle per decision) with fixed actions and with
 * the scripted expert deciding, the policies' feature encoding alone, and CartPole's step as the
 * baseline of a trivial environment measured in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HighwaySimulatorBenchmark {

    private final float[] idle = MetaAction.IDLE.vector();
    private final LaneChangeExpert expert = new LaneChangeExpert(DriverStyle.NORMAL);
    private final LaneFeatures features = new LaneFeatures();
    private HighwaySimulator highway;
    private CartPoleEnvironment cartPole;
    private float[] observation;
    private long seed;

    @Setup
    public void setUp() {
        highway = new HighwaySimulator();
        observation = highway.reset(seed++);
        cartPole = new CartPoleEnvironment();
        cartPole.reset(0);
    }

    /** One decision step keeping lane and speed; a new episode when one ends. */
    @Benchmark
    public StepResult highwayDecisionStep() {
        if (!highway.isRunning()) {
            observation = highway.reset(seed++);
        }
        StepResult r = highway.step(idle);
        observation = r.observation();
        return r;
    }

    /** One decision step with the IDM + MOBIL expert choosing the action. */
    @Benchmark
    public StepResult highwayExpertDecisionStep() {
        if (!highway.isRunning()) {
            observation = highway.reset(seed++);
        }
        StepResult r = highway.step(expert.act(observation, null));
        observation = r.observation();
        return r;
    }

    /** The feature map a policy applies to each observation. */
    @Benchmark
    public float[] laneFeatures() {
        return features.encode(observation);
    }

    /** Baseline: one step of CartPole (a handful of floating-point operations). */
    @Benchmark
    public StepResult cartPoleStep() {
        StepResult r = cartPole.step(new float[] {(seed++ & 1)});
        if (r.done()) {
            cartPole.reset(seed);
        }
        return r;
    }
}

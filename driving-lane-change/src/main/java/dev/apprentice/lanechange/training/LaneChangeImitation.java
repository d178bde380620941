package dev.apprentice.lanechange.training;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.bc.BcConfig;
import dev.apprentice.il.algorithms.bc.BehaviorCloningTrainer;
import dev.apprentice.il.algorithms.gail.GailConfig;
import dev.apprentice.il.algorithms.gail.GailTrainer;
import dev.apprentice.il.algorithms.rail.RailConfig;
import dev.apprentice.il.algorithms.rail.RailTrainer;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.EncodedEnvironment;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.lanechange.sim.DriverStyle;
import dev.apprentice.lanechange.sim.HighwayConfig;
import dev.apprentice.lanechange.sim.HighwaySimulator;
import dev.apprentice.lanechange.sim.LaneChangeExpert;
import dev.apprentice.lanechange.sim.LaneFeatures;
import java.util.List;
import java.util.function.Supplier;

/**
 * How lane-change policies are learned and judged, in one place shared by the service's training
 * jobs, the report command and the quality tests: policies see {@link LaneFeatures} of the raw
 * observations; BC, GAIL and RAIL run with the settings below; evaluation drives the raw simulator
 * beside the scripted expert on the same seeds.
 */
public final class LaneChangeImitation {

    /** The algorithms the service trains, in report order. */
    public static final List<String> ALGORITHMS = List.of("bc", "gail", "rail");

    private final HighwayConfig road;
    private final LaneFeatures features;

    /** On the reference highway. */
    public LaneChangeImitation() {
        this(HighwayConfig.defaults());
    }

    /** On a highway with these settings. */
    public LaneChangeImitation(HighwayConfig road) {
        this.road = road;
        this.features = new LaneFeatures(road);
    }

    /** The highway. */
    public HighwayConfig road() {
        return road;
    }

    /** The policies' feature map. */
    public LaneFeatures features() {
        return features;
    }

    /** Simulators producing raw observations (experts, evaluation, live view). */
    public Supplier<Environment> rawEnvironments() {
        return () -> new HighwaySimulator(road);
    }

    /** Simulators seen through the feature map (interactive training). */
    public Supplier<Environment> featureEnvironments() {
        return EncodedEnvironment.wrap(rawEnvironments(), features);
    }

    /** The scripted expert of a style. */
    public LaneChangeExpert expert(DriverStyle style) {
        return new LaneChangeExpert(road, style);
    }

    /** Raw demonstrations of a style's expert on the given seeds. */
    public DemonstrationSet expertDemonstrations(RolloutCollector collector, DriverStyle style, long[] seeds) {
        return collector.demonstrations(rawEnvironments(), expert(style), seeds);
    }

    /** The training task for raw demonstrations: their features, and feature environments to interact with. */
    public ImitationTask task(DemonstrationSet rawDemonstrations) {
        return ImitationTask.of(rawDemonstrations.mapStates(features.outputSpace(), features::encode))
                .withEnvironments(featureEnvironments());
    }

    /**
     * The trainer for an algorithm with this project's lane-change settings.
     *
     * @param iterations GAIL/RAIL iterations, or 0 for the defaults; ignored by BC (it stops early on validation loss)
     * @throws IllegalArgumentException for an unknown algorithm
     */
    public Trainer trainer(String algorithm, long seed, int threads, int iterations) {
        return switch (algorithm) {
            case "bc" -> new BehaviorCloningTrainer(BcConfig.builder().seed(seed).build());
            case "gail" -> new GailTrainer(GailConfig.builder().seed(seed)
                    .iterations(iterations > 0 ? iterations : 40).build(), threads);
            case "rail" -> new RailTrainer(railConfig(seed, threads, iterations > 0 ? iterations : 150));
            default -> throw new IllegalArgumentException("algorithm: expected one of " + ALGORITHMS + ", found '"
                    + algorithm + "'");
        };
    }

    /**
     * RAIL for lane changes: the core defaults (linear policy, ARS with 16 directions, step 0.02,
     * least-squares discriminator with 16 updates at 1e-3) with exploration noise 0.1 instead of
     * 0.03 and a gradient penalty of 10 on the discriminator. With the defaults the discriminator
     * separates 400 expert pairs from the policy's within tens of iterations and its reward stops
     * guiding the search (normalised return fell from 0.8 to 0.77, 20 % collisions); the penalty
     * keeps its reward smooth and the larger noise lets ARS see past small ridges.
     */
    static RailConfig railConfig(long seed, int threads, int iterations) {
        return RailConfig.builder().seed(seed).threads(threads).iterations(iterations).noise(0.1)
                .discriminator(RailConfig.defaultDiscriminator().toBuilder().gradientPenalty(10).build()).build();
    }

    /** An evaluator against a style's expert on the given seeds; learned policies are fed features. */
    public Evaluator evaluator(RolloutCollector collector, DriverStyle style, long[] seeds) {
        return new Evaluator(collector, rawEnvironments(), expert(style), seeds, features);
    }

    /** A learned policy acting greedily on raw observations. */
    public Actor driver(Policy policy) {
        return features.actorOnRawObservations(policy.deterministic());
    }
}

package dev.apprentice.anesthesia.training;

import dev.apprentice.anesthesia.expert.Anaesthesiologist;
import dev.apprentice.anesthesia.expert.PidAnaesthesiologist;
import dev.apprentice.anesthesia.expert.TciAnaesthesiologist;
import dev.apprentice.anesthesia.sim.CaseSettings;
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
import dev.apprentice.service.domain.Algorithm;
import dev.apprentice.service.domain.TrainingRecipes;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How infusion policies are learned, in one place shared by the service's training jobs, the
 * report command and the quality tests: policies see {@link AnesthesiaFeatures}; BC, GAIL and RAIL
 * interact with simulated cases of random patients (never the published cohort, which evaluation
 * keeps for itself).
 */
public final class AnesthesiaImitation implements TrainingRecipes {

    /** The algorithms the service trains, in report order. */
    public static final List<Algorithm> ALGORITHMS = List.of(Algorithm.BC, Algorithm.GAIL, Algorithm.RAIL);

    /** GAIL iterations when none are asked for. */
    static final int GAIL_ITERATIONS = 30;
    /** RAIL iterations when none are asked for. */
    static final int RAIL_ITERATIONS = 200;

    private final CaseSettings cases;
    private final AnesthesiaFeatures features = new AnesthesiaFeatures();
    private final Map<String, Anaesthesiologist> experts = Map.of(
            PidAnaesthesiologist.TUNED.name(), PidAnaesthesiologist.TUNED,
            TciAnaesthesiologist.NAME, new TciAnaesthesiologist());

    /** Training on cases run with these settings. */
    public AnesthesiaImitation(CaseSettings cases) {
        this.cases = cases;
    }

    /** The case settings. */
    public CaseSettings cases() {
        return cases;
    }

    /** The policies' feature map. */
    public AnesthesiaFeatures features() {
        return features;
    }

    /** The experts by name ({@code pid}, {@code tci}). */
    public List<String> expertNames() {
        return List.of(PidAnaesthesiologist.TUNED.name(), TciAnaesthesiologist.NAME);
    }

    /**
     * The expert of a name.
     *
     * @throws IllegalArgumentException naming the experts for an unknown name
     */
    public Anaesthesiologist expert(String name) {
        Anaesthesiologist a = experts.get(name);
        if (a == null) {
            throw new IllegalArgumentException("expert: expected one of " + expertNames() + ", found '" + name + "'");
        }
        return a;
    }

    /** Simulated cases producing raw observations, on the given patients. */
    public Supplier<Environment> rawEnvironments(PatientSource patients) {
        return () -> new AnesthesiaEnvironment(cases, patients);
    }

    @Override
    public List<Algorithm> algorithms() {
        return ALGORITHMS;
    }

    /** The training task: features of the demonstrations, and feature environments of random patients. */
    @Override
    public ImitationTask task(DemonstrationSet rawDemonstrations) {
        return ImitationTask.of(rawDemonstrations.mapStates(features.outputSpace(), features::encode))
                .withEnvironments(EncodedEnvironment.wrap(rawEnvironments(PatientSource.RANDOM), features));
    }

    /**
     * The trainer for an algorithm with this domain's settings.
     *
     * @param iterations GAIL/RAIL iterations, or 0 for the defaults; ignored by BC (it stops early on validation loss)
     * @throws IllegalArgumentException for an algorithm not in {@link #ALGORITHMS}
     */
    @Override
    public Trainer trainer(Algorithm algorithm, long seed, int threads, int iterations) {
        int budget = iterations > 0 ? iterations : defaultIterations(algorithm);
        return switch (algorithm) {
            case BC -> new BehaviorCloningTrainer(BcConfig.builder().seed(seed).build());
            case GAIL -> new GailTrainer(GailConfig.builder().seed(seed).iterations(budget).warmStartEpochs(100).build(),
                    threads);
            case RAIL -> new RailTrainer(RailConfig.builder().seed(seed).threads(threads).iterations(budget)
                    .intercept(true).warmStartEpochs(2000).build());
            default -> throw new IllegalArgumentException("algorithm: expected one of " + ALGORITHMS + ", found " + algorithm.id());
        };
    }

    @Override
    public int defaultIterations(Algorithm algorithm) {
        return switch (algorithm) {
            case GAIL -> GAIL_ITERATIONS;
            case RAIL -> RAIL_ITERATIONS;
            default -> 0;
        };
    }
}

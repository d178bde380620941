package dev.apprentice.phonesecurity.model;

import dev.apprentice.il.algorithms.ImitationLoss;
import dev.apprentice.il.algorithms.meta.FewShotAdaptation;
import dev.apprentice.il.algorithms.meta.MetaConfig;
import dev.apprentice.il.algorithms.meta.MetaMethod;
import dev.apprentice.il.nn.TrainingEngine;
import dev.apprentice.il.policy.Activation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a neural owner policy is initialised and adapted to an owner's few samples, one setting for
 * every {@link PolicyInitialisation} so that they differ only in where they start.
 *
 * @param hiddenSizes the policy network's hidden layers (tanh)
 * @param iterations meta-iterations (and pooled training iterations)
 * @param metaBatchSize population people per meta-iteration
 * @param supportShots samples a person adapts on during meta-training
 * @param queryShots samples that score the adapted policy during meta-training
 * @param innerSteps gradient steps of the inner loop
 * @param innerLearningRate step size of the inner loop and of adaptation
 * @param outerLearningRate Adam's step size of the meta-update
 * @param adaptationSteps gradient steps when an owner enrols from a learned initialisation
 * @param scratchSteps gradient steps when an owner enrols from random weights, which need more
 */
public record FewShotSettings(List<Integer> hiddenSizes, int iterations, int metaBatchSize, int supportShots,
        int queryShots, int innerSteps, double innerLearningRate, double outerLearningRate, int adaptationSteps,
        int scratchSteps) {

    /** The settings measured on the Hold-and-Tap protocol (service README, "Few-shot enrolment"). */
    public static FewShotSettings defaults() {
        return new FewShotSettings(List.of(32), 500, 10, 5, 10, 5, 0.03, 0.01, 5, 300);
    }

    public FewShotSettings {
        hiddenSizes = List.copyOf(hiddenSizes);
        if (scratchSteps < 1 || scratchSteps > FewShotAdaptation.MAX_STEPS) {
            throw new IllegalArgumentException("scratchSteps: expected 1 to " + FewShotAdaptation.MAX_STEPS + ", found "
                    + scratchSteps);
        }
        // The core validates the rest, naming the setting it rejects.
        config(hiddenSizes, iterations, metaBatchSize, supportShots, queryShots, innerSteps, innerLearningRate,
                outerLearningRate, adaptationSteps, MetaMethod.MAML, 0);
    }

    /** Fewer meta-iterations, e.g. for a test's budget. */
    public FewShotSettings withIterations(int newIterations) {
        return new FewShotSettings(hiddenSizes, newIterations, metaBatchSize, supportShots, queryShots, innerSteps,
                innerLearningRate, outerLearningRate, adaptationSteps, scratchSteps);
    }

    /**
     * The core's meta-learning settings for {@code method}.
     *
     * @throws IllegalArgumentException naming the setting the core rejects
     */
    public MetaConfig metaConfig(MetaMethod method, long seed) {
        return config(hiddenSizes, iterations, metaBatchSize, supportShots, queryShots, innerSteps, innerLearningRate,
                outerLearningRate, adaptationSteps, method, seed);
    }

    private static MetaConfig config(List<Integer> hiddenSizes, int iterations, int metaBatchSize, int supportShots,
            int queryShots, int innerSteps, double innerLearningRate, double outerLearningRate, int adaptationSteps,
            MetaMethod method, long seed) {
        return MetaConfig.builder().method(method).loss(ImitationLoss.LIKELIHOOD)
                .hiddenSizes(hiddenSizes.stream().mapToInt(Integer::intValue).toArray()).activation(Activation.TANH)
                .iterations(iterations).metaBatchSize(metaBatchSize).supportShots(supportShots).queryShots(queryShots)
                .innerSteps(innerSteps).innerLearningRate(innerLearningRate).outerLearningRate(outerLearningRate)
                .adaptationSteps(adaptationSteps).engine(TrainingEngine.PLAIN_JAVA).seed(seed).build();
    }

    /** How an owner's samples move a start of this kind: random weights get {@link #scratchSteps()} steps. */
    public FewShotAdaptation adaptation(PolicyInitialisation initialisation) {
        FewShotAdaptation adaptation = metaConfig(MetaMethod.JOINT_PRETRAINING, 0).adaptation();
        return initialisation == PolicyInitialisation.SCRATCH ? adaptation.withSteps(scratchSteps) : adaptation;
    }

    /** The settings for a model card. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hiddenSizes", hiddenSizes);
        m.put("iterations", iterations);
        m.put("metaBatchSize", metaBatchSize);
        m.put("supportShots", supportShots);
        m.put("queryShots", queryShots);
        m.put("innerSteps", innerSteps);
        m.put("innerLearningRate", innerLearningRate);
        m.put("outerLearningRate", outerLearningRate);
        m.put("adaptationSteps", adaptationSteps);
        m.put("scratchSteps", scratchSteps);
        return m;
    }
}

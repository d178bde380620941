package dev.apprentice.phonesecurity.model;

import dev.apprentice.il.algorithms.ActionTargets;
import dev.apprentice.il.algorithms.ImitationLoss;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.meta.FewShotAdaptation;
import dev.apprentice.il.algorithms.meta.MetaConfig;
import dev.apprentice.il.algorithms.meta.MetaImitationTrainer;
import dev.apprentice.il.algorithms.meta.MetaMethod;
import dev.apprentice.il.algorithms.meta.PerTaskDemonstrations;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.nn.PolicyNetworks;
import dev.apprentice.il.nn.TrainingEngine;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.policy.ObservationNormalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every owner's neural policy starts and how it is fitted to their samples: learned once from
 * the population's people (one task per person; pooled, MAML or Reptile) or random weights, then
 * {@link FewShotAdaptation} on each owner's enrolment samples. Immutable and thread-safe.
 *
 * <pre>{@code
 * OwnerPolicyStart start = OwnerPolicyStart.learn(PolicyInitialisation.MAML, population, samplesByPerson,
 *         FewShotSettings.defaults(), 1);
 * FewShotOwnerPolicy owner = start.adapt(population, ownersProjectedSamples);
 * }</pre>
 *
 * @param initialisation how the start was made
 * @param initial the network policy every owner starts from
 * @param adaptation how an owner's samples move it
 * @param people population people it was learned from (0 for scratch)
 * @param samples their samples
 */
public record OwnerPolicyStart(PolicyInitialisation initialisation, MlpPolicy initial, FewShotAdaptation adaptation,
        int people, int samples) {

    /**
     * Learns the start from the population's people.
     *
     * @param byPerson each population person's projected samples ({@link PopulationModel#project})
     * @param seed the network's initial weights and the meta-learner's draws
     * @throws IllegalArgumentException when fewer than 2 people, or a person has fewer samples than
     *     a meta-training support and query set need
     */
    public static OwnerPolicyStart learn(PolicyInitialisation initialisation, PopulationModel population,
            Map<String, List<double[]>> byPerson, FewShotSettings settings, long seed) {
        MetaConfig config = settings.metaConfig(initialisation.metaMethod().orElse(MetaMethod.JOINT_PRETRAINING), seed);
        if (initialisation == PolicyInitialisation.SCRATCH) {
            ActionTargets targets = new ActionTargets(FewShotOwnerPolicy.actionSpace(population.dimension()),
                    ImitationLoss.LIKELIHOOD);
            FewShotAdaptation adaptation = settings.adaptation(initialisation);
            PolicyNetworks.Spec spec = new PolicyNetworks.Spec(FewShotOwnerPolicy.STATE.width(), config.hiddenSizes(),
                    Activation.TANH, targets.width(), targets.loss(adaptation.entropyBonus(), adaptation.varianceWeighting()),
                    config.outerLearningRate(), 0, seed, 0, TrainingEngine.PLAIN_JAVA);
            MlpPolicy random = targets.policy(FewShotOwnerPolicy.STATE,
                    new ObservationNormalizer(new float[] {0f}, new float[] {1f}), PolicyNetworks.build(spec).export());
            return new OwnerPolicyStart(initialisation, random, adaptation, 0, 0);
        }
        Map<String, DemonstrationSet> tasks = new LinkedHashMap<>();
        int samples = 0;
        for (Map.Entry<String, List<double[]>> person : byPerson.entrySet()) {
            tasks.put(person.getKey(), FewShotOwnerPolicy.demonstrations(population, person.getValue()));
            samples += person.getValue().size();
        }
        MlpPolicy initial = (MlpPolicy) new MetaImitationTrainer(config)
                .train(ImitationTask.ofTasks(PerTaskDemonstrations.of(tasks)), TrainingListener.NONE).policy();
        return new OwnerPolicyStart(initialisation, initial, config.adaptation(), tasks.size(), samples);
    }

    /**
     * Fits one owner's policy to their projected enrolment samples.
     *
     * @throws IllegalArgumentException when there is no sample or one has the wrong dimension
     */
    public FewShotOwnerPolicy adapt(PopulationModel population, List<double[]> projected) {
        return new FewShotOwnerPolicy(adaptation.adapt(initial, FewShotOwnerPolicy.demonstrations(population, projected)),
                population);
    }

    /** What a model card says about the start. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initialisation", initialisation.id());
        m.put("people", people);
        m.put("samples", samples);
        m.put("adaptation", adaptation.toMap());
        return m;
    }
}

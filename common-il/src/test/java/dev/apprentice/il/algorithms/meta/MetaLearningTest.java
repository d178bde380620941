package dev.apprentice.il.algorithms.meta;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.Trajectory;
import dev.apprentice.il.nn.CategoricalNllLoss;
import dev.apprentice.il.nn.PolicyNetworks;
import dev.apprentice.il.nn.TrainingEngine;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.CategoricalMlpPolicy;
import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.policy.ObservationNormalizer;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Does meta-learning really learn to adapt? People who each map the same situations to their own
 * actions: person p answers state s with (argmax s + p's shift) mod 4, shifts 0–3. No single
 * policy serves everyone (a pooled one is right for a quarter of them at best); 8 samples of a
 * new person say which shift is theirs. Meta-trained on 16 people, scored on 12 others.
 */
class MetaLearningTest {

    private static final Box STATES = new Box(new float[] {-10, -10, -10, -10}, new float[] {10, 10, 10, 10});
    private static final Discrete ACTIONS = new Discrete(4);
    private static final int SHOTS = 8;
    private static final Map<MetaMethod, Double> accuracy = new EnumMap<>(MetaMethod.class);
    private static double fromScratch;

    static DemonstrationSet person(int shift, int samples, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] states = new float[(samples + 1) * 4];
        float[] actions = new float[samples];
        for (int i = 0; i < states.length; i++) {
            states[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < samples; i++) {
            int best = 0;
            for (int j = 1; j < 4; j++) {
                if (states[i * 4 + j] > states[i * 4 + best]) {
                    best = j;
                }
            }
            actions[i] = (best + shift) % 4;
        }
        return DemonstrationSet.fromTrajectories(STATES, ACTIONS, List.of(new Trajectory(4, 1, states, actions, null, true)));
    }

    private static MetaConfig config(MetaMethod method) {
        return MetaConfig.builder().method(method).hiddenSizes(32, 32).activation(Activation.TANH).innerLearningRate(0.5)
                .innerSteps(3).adaptationSteps(3).supportShots(SHOTS).queryShots(16).metaBatchSize(8).outerLearningRate(3e-3)
                .iterations(1000).seed(1).build();
    }

    /** Mean accuracy on held-out people's other samples after adapting on their first {@value #SHOTS}. */
    private static double heldOutAccuracy(MlpPolicy initialisation, FewShotAdaptation adaptation) {
        int correct = 0;
        int total = 0;
        for (int p = 100; p < 112; p++) {
            DemonstrationSet samples = person(p % 4, SHOTS + 100, p);
            float[] states = new float[SHOTS * 4];
            float[] actions = new float[SHOTS];
            for (int i = 0; i < SHOTS; i++) {
                samples.copyState(i, states, i * 4);
                samples.copyAction(i, actions, i);
            }
            MlpPolicy adapted = adaptation.adapt(initialisation, new DemonstrationTasks.Shots(states, actions, SHOTS));
            for (int i = SHOTS; i < samples.size(); i++) {
                if (adapted.actDeterministic(samples.state(i))[0] == samples.action(i)[0]) {
                    correct++;
                }
                total++;
            }
        }
        return correct / (double) total;
    }

    @BeforeAll
    static void metaTrainEveryMethodOnTheSamePeople() {
        Map<String, DemonstrationSet> people = new LinkedHashMap<>();
        for (int p = 0; p < 16; p++) {
            people.put("person-" + p, person(p % 4, 60, p));
        }
        ImitationTask task = ImitationTask.ofTasks(PerTaskDemonstrations.of(people));
        for (MetaMethod method : MetaMethod.values()) {
            MetaConfig config = config(method);
            MlpPolicy initialisation = (MlpPolicy) new MetaImitationTrainer(config).train(task, TrainingListener.NONE).policy();
            accuracy.put(method, heldOutAccuracy(initialisation, config.adaptation()));
        }
        MetaConfig config = config(MetaMethod.MAML);
        MlpPolicy untrained = new CategoricalMlpPolicy(STATES, ACTIONS, new ObservationNormalizer(new float[4],
                new float[] {1, 1, 1, 1}), PolicyNetworks.build(new PolicyNetworks.Spec(4, new int[] {32, 32}, Activation.TANH,
                4, new CategoricalNllLoss(0), 1e-3, 0, 1, 0, TrainingEngine.PLAIN_JAVA)).export());
        fromScratch = heldOutAccuracy(untrained, config.adaptation());
    }

    @Test
    void mamlAdaptsToANewPersonFromEightSamples() {
        assertTrue(accuracy.get(MetaMethod.MAML) >= 0.8, "MAML's held-out accuracy " + accuracy);
    }

    @Test
    void everyMetaLearnerBeatsJointPretrainingAndTrainingFromScratch() {
        double pretrained = accuracy.get(MetaMethod.JOINT_PRETRAINING);
        assertTrue(accuracy.get(MetaMethod.MAML) >= pretrained + 0.25, "MAML against pre-training: " + accuracy);
        assertTrue(accuracy.get(MetaMethod.FIRST_ORDER_MAML) >= pretrained + 0.2, "first-order MAML: " + accuracy);
        assertTrue(accuracy.get(MetaMethod.REPTILE) >= pretrained + 0.1, "Reptile: " + accuracy);
        assertTrue(accuracy.get(MetaMethod.MAML) >= fromScratch + 0.2, "MAML against scratch " + fromScratch + ": " + accuracy);
        assertTrue(accuracy.get(MetaMethod.FIRST_ORDER_MAML) >= fromScratch + 0.2,
                "first-order MAML against scratch " + fromScratch + ": " + accuracy);
        assertTrue(accuracy.get(MetaMethod.REPTILE) >= fromScratch + 0.05,
                "Reptile against scratch " + fromScratch + ": " + accuracy);
    }
}

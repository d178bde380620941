package dev.apprentice.il.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.policy.Policy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a stored policy is and how it was made: the algorithm and its settings, the data it learned
 * from, its metrics, the library version, when it was created and the checksum of its weights.
 * Served by the provenance endpoints; stored as JSON beside the weights.
 *
 * @param model the model's name in the registry, e.g. {@code cartpole-bc}
 * @param version the version number, assigned by the registry (0 in a draft)
 * @param algorithm the algorithm, e.g. {@code bc}
 * @param policyType the policy class, e.g. {@code CategoricalMlpPolicy}
 * @param observationSpace the observation space, e.g. {@code Box(4)}
 * @param actionSpace the action space, e.g. {@code Discrete(2)}
 * @param config the trainer's settings
 * @param data provenance of the training data (source, episodes, samples, SHA-256, and for
 *     streamed data the topic/partition/offset ranges)
 * @param training iterations run, early stopping, wall time
 * @param metrics final training metrics
 * @param evaluation evaluation results, when the policy was evaluated before registration
 * @param libraryVersion the Apprentice version that trained it
 * @param createdAt ISO-8601 instant of registration (filled by the registry)
 * @param weightsSha256 SHA-256 of the weights file (filled by the registry)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCard(String model, int version, String algorithm, String policyType, String observationSpace,
        String actionSpace, Map<String, Object> config, Map<String, Object> data, Map<String, Object> training,
        Map<String, Object> metrics, Map<String, Object> evaluation, String libraryVersion, String createdAt,
        String weightsSha256) {

    public ModelCard {
        config = frozen(config);
        data = frozen(data);
        training = frozen(training);
        metrics = frozen(metrics);
        evaluation = evaluation == null ? null : frozen(evaluation);
    }

    private static Map<String, Object> frozen(Map<String, Object> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * A card for a freshly trained policy, to be completed by {@link PolicyRegistry#register}.
     *
     * @param model the registry name
     * @param outcome what training produced
     * @param dataSource a description of where the demonstrations came from
     * @param demonstrations the training demonstrations (counted and hashed)
     * @param evaluation the policy's evaluation, or null
     */
    public static ModelCard draft(String model, TrainingOutcome outcome, String dataSource, DemonstrationSet demonstrations,
            EvaluationResult evaluation) {
        Policy p = outcome.policy();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", dataSource);
        data.put("episodes", demonstrations.episodeCount());
        data.put("samples", demonstrations.size());
        data.put("sha256", demonstrations.sha256());
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("iterations", outcome.iterations());
        training.put("stoppedEarly", outcome.stoppedEarly());
        training.put("seconds", outcome.seconds());
        return new ModelCard(model, 0, outcome.algorithm(), p.getClass().getSimpleName(), p.observationSpace().describe(),
                p.actionSpace().describe(), outcome.config().toMap(), data, training, new LinkedHashMap<>(outcome.metrics()),
                evaluation == null ? null : evaluation.toMap(), LibraryVersion.get(), null, null);
    }

    /**
     * This card with more data provenance, e.g. a demonstration store's topic/partition/offset
     * ranges and query ({@code StoredDemonstrations.provenanceForModelCard()}); later keys win.
     */
    public ModelCard withDataProvenance(Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(data);
        merged.putAll(more);
        return new ModelCard(model, version, algorithm, policyType, observationSpace, actionSpace, config, merged,
                training, metrics, evaluation, libraryVersion, createdAt, weightsSha256);
    }

    /** This card as registered: version, creation time and weights checksum filled in. */
    ModelCard registered(int newVersion, String instant, String sha256) {
        return new ModelCard(model, newVersion, algorithm, policyType, observationSpace, actionSpace, config, data,
                training, metrics, evaluation, libraryVersion, instant, sha256);
    }
}

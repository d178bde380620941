package dev.apprentice.service.adaptation;

import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.meta.FewShotAdaptation;
import dev.apprentice.il.algorithms.meta.MetaConfig;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.store.EpisodeId;
import dev.apprentice.il.store.StoreQuery;
import dev.apprentice.il.store.StoredDemonstrations;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.config.TrainingSettings;
import dev.apprentice.service.domain.MetaLearningRecipe;
import dev.apprentice.service.error.ConflictException;
import dev.apprentice.service.error.NoSharedPolicyException;
import dev.apprentice.service.error.NotFoundException;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.serving.ServedPolicy;
import dev.apprentice.service.training.MetaModels;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adapts the served meta-model to one person (a driver, a patient) from their stored demonstrations
 * with the domain's {@link MetaLearningRecipe}, and registers and serves the result under the
 * person's own model, its card naming the meta-model version and the data. One adaptation at a
 * time per domain; each reads at most {@link #MAX_SAMPLES} samples, so its time and memory are
 * bounded by configuration, not by what a person has stored.
 */
public final class AdaptationService {

    /** The most samples one adaptation reads (the person's earliest episodes first). */
    public static final int MAX_SAMPLES = 20_000;

    private final DomainSettings settings;
    private final TrainingSettings training;
    private final DemonstrationIngestion ingestion;
    private final PolicyServing serving;

    public AdaptationService(DomainSettings settings, TrainingSettings training, DemonstrationIngestion ingestion,
            PolicyServing serving) {
        this.settings = settings;
        this.training = training;
        this.ingestion = ingestion;
        this.serving = serving;
    }

    /** The domain's meta-learning recipe; 404 when it has none. */
    public MetaLearningRecipe recipe() {
        if (!settings.sharedPolicy()) {
            throw NoSharedPolicyException.training();
        }
        return settings.domain().metaLearning().orElseThrow(() -> new NotFoundException(settings.domain().name()
                + " has no meta-learning recipe: nothing adapts to one person here"));
    }

    /**
     * Adapts the served meta-model to a person and serves the result.
     *
     * @param subject the person, as the recipe names them (e.g. a driver's source id)
     * @param maxEpisodes adapt on at most this many of their earliest stored episodes; null: as many as fit {@link #MAX_SAMPLES}
     * @throws NotFoundException without a recipe, or when the store holds no complete episode of the person
     * @throws ConflictException when no meta-model is served, or the adaptation diverged
     */
    public synchronized Adaptation adapt(String subject, Integer maxEpisodes) {
        MetaLearningRecipe recipe = recipe();
        String model = MetaModels.adaptedModel(settings.model(), subject);
        String metaModel = MetaModels.metaModel(settings.model());
        ServedPolicy meta = serving.served(metaModel).orElseThrow(() -> new ConflictException("no meta-model is served yet:"
                + " queue a maml, fomaml or reptile job (POST /api/v1/" + settings.domain().name() + "/training/jobs)"));
        if (!(meta.policy() instanceof MlpPolicy initialisation)) {
            throw new ConflictException(metaModel + " v" + meta.version() + " is a " + meta.card().policyType()
                    + ", not a network that adapts");
        }
        long start = System.nanoTime();
        StoredDemonstrations stored = ingestion.read(StoreQuery.all().withDomain(settings.domain().name()));
        List<Integer> chosen = new ArrayList<>();
        int samples = 0;
        List<EpisodeId> ids = stored.episodeIds();
        for (int i = 0; i < ids.size() && (maxEpisodes == null || chosen.size() < maxEpisodes); i++) {
            if (subject.equals(recipe.subjectOf(ids.get(i)))) {
                int length = stored.demonstrations().episodeLength(i);
                if (!chosen.isEmpty() && samples + length > MAX_SAMPLES) {
                    break;
                }
                chosen.add(i);
                samples += length;
            }
        }
        if (chosen.isEmpty()) {
            throw new NotFoundException("the store holds no complete episode of " + recipe.subject() + " '" + subject + "'");
        }
        DemonstrationSet raw = stored.demonstrations().selectEpisodes(chosen.stream().mapToInt(i -> i).toArray());
        DemonstrationSet features = settings.recipes().task(raw).demonstrations();
        MetaConfig config = recipe.config(1, training.threads(), 0);
        FewShotAdaptation adaptation = config.adaptation();
        MlpPolicy adapted;
        try {
            adapted = adaptation.adapt(initialisation, features);
        } catch (IllegalStateException diverged) {
            throw new ConflictException("adapting to " + recipe.subject() + " '" + subject + "' failed: "
                    + diverged.getMessage());
        }
        Map<String, Double> metrics = new LinkedHashMap<>(fit(initialisation, features, "before"));
        metrics.putAll(fit(adapted, features, "after"));
        TrainingOutcome outcome = new TrainingOutcome(adapted, meta.card().algorithm() + "-adapted",
                new AdaptationSettings(adaptation, metaModel, meta.version()), adaptation.steps(), false, metrics,
                (System.nanoTime() - start) / 1e9);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("subject", recipe.subject());
        provenance.put("episodesUsed", chosen.size());
        provenance.put("samplesUsed", features.size());
        provenance.put(MetaModels.META_MODEL, metaModel);
        provenance.put(MetaModels.META_MODEL_VERSION, meta.version());
        provenance.put(PolicyServing.ENCODER_KEY, settings.domain().encoder().id());
        Object profile = meta.card().data().get(PolicyServing.PROFILE_KEY);
        if (profile != null) {
            provenance.put(PolicyServing.PROFILE_KEY, profile); // the meta-model's training states: where it was learned
        }
        ModelCard card = serving.register(adapted, ModelCard.draft(model, outcome, "kafka:" + settings.topic(), features, null)
                .withDataProvenance(provenance));
        serving.promote(model, card.version());
        Log.infof("adapted %s v%d to a %s from %d episodes (%d samples): %s", metaModel, meta.version(), recipe.subject(),
                chosen.size(), features.size(), metrics);
        return new Adaptation(subject, model, card.version(), metaModel, meta.version(), chosen.size(), features.size(),
                metrics);
    }

    /** How well a policy's greedy actions match a person's own, on their samples. */
    private static Map<String, Double> fit(MlpPolicy policy, DemonstrationSet samples, String when) {
        boolean discrete = samples.actionSpace() instanceof Discrete;
        double sum = 0;
        for (int i = 0; i < samples.size(); i++) {
            float[] action = policy.actDeterministic(samples.state(i));
            float[] own = samples.action(i);
            if (discrete) {
                sum += action[0] == own[0] ? 1 : 0;
            } else {
                for (int d = 0; d < own.length; d++) {
                    sum += (double) (action[d] - own[d]) * (action[d] - own[d]) / own.length;
                }
            }
        }
        return Map.of((discrete ? "agreement_" : "action_mse_") + when, sum / samples.size());
    }
}

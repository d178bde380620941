package dev.apprentice.phonesecurity.owners;

import dev.apprentice.il.policy.MlpPolicy;
import dev.apprentice.il.registry.LibraryVersion;
import dev.apprentice.il.registry.LoadedPolicy;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.store.StoredDemonstrations;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import dev.apprentice.phonesecurity.config.PhoneSecuritySettings;
import dev.apprentice.phonesecurity.model.FewShotOwnerPolicy;
import dev.apprentice.phonesecurity.model.FewShotSettings;
import dev.apprentice.phonesecurity.model.OwnerPolicyStart;
import dev.apprentice.phonesecurity.model.PolicyInitialisation;
import dev.apprentice.phonesecurity.model.PopulationModel;
import dev.apprentice.service.error.ConflictException;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.error.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Few-shot enrolment: an administrator learns the start of every owner's neural policy from the
 * stored population's people (one meta-learning task per person, in the served population's
 * coordinates), and each owner's policy is adapted from it on as little as one of their samples,
 * registered with a card naming the start (its version) and the data. Both are kept in the
 * {@link FewShotRegistry}, not served as the domain's policies: their spaces are the population's.
 */
@ApplicationScoped
public class FewShotEnrolments {

    private final FewShotRegistry registry;
    private final PopulationService population;
    private final PhoneSecuritySettings settings;
    private final FewShotSettings fewShot = FewShotSettings.defaults();

    public FewShotEnrolments(FewShotRegistry registry, PopulationService population, PhoneSecuritySettings settings) {
        this.registry = registry;
        this.population = population;
        this.settings = settings;
    }

    /**
     * Learns, registers and promotes the start from up to {@code maxPopulationPeople} stored people.
     *
     * @throws ConflictException when the store holds fewer people than {@code minPopulationPeople}
     */
    public synchronized ModelCard learnStart(PolicyInitialisation initialisation, long seed) {
        ServedPopulation served = population.require();
        long start = System.nanoTime();
        StoredDemonstrations stored = population.storedPeople(seed, "the policy start");
        PopulationModel model = served.model();
        Map<String, List<double[]>> byPerson = new LinkedHashMap<>();
        for (FeatureSample s : StoredSamples.perPerson(stored, settings.maxPopulationSamplesPerPerson())) {
            byPerson.computeIfAbsent(s.user(), u -> new ArrayList<>()).add(model.project(s.activity(), s.features()));
        }
        OwnerPolicyStart learned = OwnerPolicyStart.learn(initialisation, model, byPerson, fewShot, seed);
        Map<String, Object> data = new LinkedHashMap<>(stored.provenanceForModelCard());
        data.remove("query"); // it lists the chosen user ids
        data.put("people", learned.people());
        data.put("samplesUsed", learned.samples());
        data.put("population", populationRef(served));
        Map<String, Object> config = new LinkedHashMap<>(fewShot.toMap());
        config.put("initialisation", initialisation.id());
        config.put("seed", seed);
        MlpPolicy initial = learned.initial();
        ModelCard draft = new ModelCard(OwnerModelNames.POLICY_START, 0, "few-shot-start-" + initialisation.id(),
                initial.getClass().getSimpleName(), initial.observationSpace().describe(), initial.actionSpace().describe(),
                config, data, Map.of("wallSeconds", (System.nanoTime() - start) / 1e9), Map.of(), null,
                LibraryVersion.get(), null, null);
        return registry.registerAndPromote(initial, draft);
    }

    /**
     * Adapts, registers and promotes a user's few-shot policy from their samples (the latest
     * {@code maxEnrolmentSamples} are used).
     *
     * @throws InvalidRequestException when there are fewer than {@code minFewShotEnrolmentSamples}
     * @throws UnavailableException when no start is promoted
     * @throws ConflictException when the promoted start was learned against another population
     */
    public ModelCard enrol(String userId, List<FeatureSample> samples) {
        if (samples.size() < settings.minFewShotEnrolmentSamples()) {
            throw new InvalidRequestException("samples", "expected at least " + settings.minFewShotEnrolmentSamples()
                    + " enrolment samples, found " + samples.size());
        }
        List<FeatureSample> used = samples.subList(Math.max(0, samples.size() - settings.maxEnrolmentSamples()),
                samples.size());
        ServedPopulation served = population.require();
        LoadedPolicy start = registry.promoted(OwnerModelNames.POLICY_START).orElseThrow(() -> new UnavailableException(
                "no-policy-start", "no policy start is learned yet: an administrator learns one from the stored"
                        + " population (POST /api/v1/phone-security/policy-start)"));
        Object learnedAgainst = start.card().data().get("population");
        if (!(learnedAgainst instanceof Map<?, ?> ref && ref.get("version") instanceof Number v
                && v.intValue() == served.reference().version())) {
            throw new ConflictException("the policy start was learned against another population model than"
                    + " the served one; an administrator learns it again (POST /api/v1/phone-security/policy-start)");
        }
        PolicyInitialisation initialisation = PolicyInitialisation.byId(String.valueOf(start.card().config()
                .get("initialisation"))).orElseThrow(() -> new IllegalStateException("policy start card: no initialisation"));
        MlpPolicy initial = (MlpPolicy) start.policy();
        OwnerPolicyStart owners = new OwnerPolicyStart(initialisation, initial, fewShot.adaptation(initialisation),
                ((Number) start.card().data().get("people")).intValue(),
                ((Number) start.card().data().get("samplesUsed")).intValue());
        long begin = System.nanoTime();
        FewShotOwnerPolicy policy = owners.adapt(served.model(),
                used.stream().map(s -> served.model().project(s.activity(), s.features())).toList());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", userId);
        data.put("origin", "request");
        data.put("samples", used.size());
        data.put("metaModel", Map.of("model", start.card().model(), "version", start.card().version(), "initialisation",
                initialisation.id(), "weightsSha256", start.card().weightsSha256()));
        data.put("population", populationRef(served));
        ModelCard draft = new ModelCard(OwnerModelNames.fewShot(userId), 0, "few-shot-owner-" + initialisation.id(),
                policy.policy().getClass().getSimpleName(), policy.policy().observationSpace().describe(),
                policy.policy().actionSpace().describe(), owners.toMap(), data,
                Map.of("wallSeconds", (System.nanoTime() - begin) / 1e9), Map.of(), null, LibraryVersion.get(), null, null);
        return registry.registerAndPromote(policy.policy(), draft);
    }

    private static Map<String, Object> populationRef(ServedPopulation served) {
        return Map.of("model", served.reference().model(), "version", served.reference().version(), "weightsSha256",
                served.reference().weightsSha256());
    }

    /** The initialisation named by a request, or a 400 naming the parameter. */
    public static PolicyInitialisation initialisation(String id) {
        return PolicyInitialisation.byId(id.toLowerCase(Locale.ROOT)).orElseThrow(() -> new InvalidRequestException(
                "initialisation", "expected one of scratch, pooled, maml, reptile"));
    }
}

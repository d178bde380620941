package dev.apprentice.phonesecurity.owners;

import dev.apprentice.il.registry.LibraryVersion;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.store.StoreQuery;
import dev.apprentice.il.store.StoredDemonstrations;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import dev.apprentice.phonesecurity.config.PhoneSecuritySettings;
import dev.apprentice.phonesecurity.model.ImitationSettings;
import dev.apprentice.phonesecurity.model.OwnerEnrolment;
import dev.apprentice.phonesecurity.model.OwnerModel;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.error.ConflictException;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.serving.PolicyServing;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enrols owners: learns a user's model from samples sent with the request or from what the
 * behaviour stream has stored for them, registers it under the user's model name with a card that
 * names the population and the data, and serves it.
 */
@ApplicationScoped
public class Enrolments {

    /** Where an enrolment's samples came from. */
    public enum Origin {
        /** The request carried them. */
        REQUEST,
        /** The behaviour stream had stored them. */
        STREAM
    }

    private final PolicyServing policies;
    private final PopulationService population;
    private final DemonstrationIngestion ingestion;
    private final DomainSettings domain;
    private final PhoneSecuritySettings settings;
    private final ImitationSettings imitation;

    public Enrolments(PolicyServing policies, PopulationService population, DemonstrationIngestion ingestion,
            DomainSettings domain, PhoneSecuritySettings settings, ImitationSettings imitation) {
        this.policies = policies;
        this.population = population;
        this.ingestion = ingestion;
        this.domain = domain;
        this.settings = settings;
        this.imitation = imitation;
    }

    /**
     * Enrols a user from samples (the latest {@code maxEnrolmentSamples} are used).
     *
     * @throws InvalidRequestException when there are fewer than {@code minEnrolmentSamples}
     */
    public ModelCard enrol(String userId, List<FeatureSample> samples, Origin origin) {
        if (samples.size() < settings.minEnrolmentSamples()) {
            throw new InvalidRequestException("samples", "expected at least " + settings.minEnrolmentSamples()
                    + " enrolment samples, found " + samples.size());
        }
        List<FeatureSample> used = samples.subList(Math.max(0, samples.size() - settings.maxEnrolmentSamples()),
                samples.size());
        ServedPopulation served = population.require();
        long start = System.nanoTime();
        long seed = OwnerModelNames.owner(userId).hashCode() * 31L + used.size();
        OwnerModel model = new OwnerEnrolment(served.model(), served.reference(), imitation).enrol(used, seed);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", userId);
        data.put("origin", origin.name().toLowerCase(java.util.Locale.ROOT));
        data.put("samples", used.size());
        data.put("population", Map.of("model", served.reference().model(), "version", served.reference().version(),
                "weightsSha256", served.reference().weightsSha256()));
        data.put("observationEncoder", domain.domain().encoder().id());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("targetFar", model.targetFar());
        metrics.put("lockFar", model.lockFar());
        metrics.put("acceptThresholds", model.acceptThresholds());
        metrics.put("lockThresholds", model.lockThresholds());
        ModelCard draft = new ModelCard(OwnerModelNames.owner(userId), 0, "imitation-owner", OwnerModel.class.getSimpleName(),
                model.observationSpace().describe(), model.actionSpace().describe(), imitation.toMap(), data,
                Map.of("wallSeconds", (System.nanoTime() - start) / 1e9, "seed", seed), metrics, null, LibraryVersion.get(),
                null, null);
        ModelCard card = policies.register(model, draft);
        policies.promote(card.model(), card.version());
        return card;
    }

    /**
     * Enrols a user from the complete sessions the stream has stored for them.
     *
     * @throws ConflictException when the store holds too few of their samples
     */
    public ModelCard enrolFromStream(String userId) {
        population.require();
        if (!ingestion.store().statistics().recordsPerSource().containsKey(userId)) {
            throw new ConflictException("the stream has stored no behaviour of this user yet");
        }
        StoredDemonstrations stored;
        try {
            stored = ingestion.store().read(domain.domain().observationSpace(), domain.domain().actionSpace(),
                    StoreQuery.all().withDomain(domain.domain().name()).withSources(Set.of(userId)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConflictException("the stream has stored no complete session of this user yet");
        }
        List<FeatureSample> samples = StoredSamples.perPerson(stored, settings.maxEnrolmentSamples());
        if (samples.size() < settings.minEnrolmentSamples()) {
            throw new ConflictException("the stream has stored " + samples.size() + " samples of complete sessions for this"
                    + " user; enrolment needs at least " + settings.minEnrolmentSamples());
        }
        return enrol(userId, samples, Origin.STREAM);
    }
}

package dev.apprentice.phonesecurity.owners;

import dev.apprentice.il.registry.LibraryVersion;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.store.StoreQuery;
import dev.apprentice.il.store.StoredDemonstrations;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import dev.apprentice.phonesecurity.config.PhoneSecuritySettings;
import dev.apprentice.phonesecurity.model.ImitationSettings;
import dev.apprentice.phonesecurity.model.PopulationCalibration;
import dev.apprentice.phonesecurity.model.PopulationModel;
import dev.apprentice.phonesecurity.model.PopulationRef;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.error.ConflictException;
import dev.apprentice.service.error.UnavailableException;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.serving.ServedPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * The population model: learned by an administrator from the people whose behaviour the store
 * holds (at most a configured number of them, chosen at random, and of samples each), registered
 * and promoted like any policy, and served to every enrolment and score.
 */
@ApplicationScoped
public class PopulationService {

    private final PolicyServing policies;
    private final DemonstrationIngestion ingestion;
    private final DomainSettings domain;
    private final PhoneSecuritySettings settings;
    private final ImitationSettings imitation;

    public PopulationService(PolicyServing policies, DemonstrationIngestion ingestion, DomainSettings domain,
            PhoneSecuritySettings settings, ImitationSettings imitation) {
        this.policies = policies;
        this.ingestion = ingestion;
        this.domain = domain;
        this.settings = settings;
        this.imitation = imitation;
    }

    /** The served population, if one has been promoted. */
    public Optional<ServedPopulation> current() {
        return policies.served(OwnerModelNames.POPULATION).map(PopulationService::served);
    }

    /** The served population, or a 503 saying how to get one. */
    public ServedPopulation require() {
        return current().orElseThrow(() -> new UnavailableException("no-population", "no population model is served yet: an administrator"
                + " learns one from the stored behaviour (POST /api/v1/phone-security/population)"));
    }

    private static ServedPopulation served(ServedPolicy p) {
        return new ServedPopulation((PopulationModel) p.policy(), new PopulationRef(p.model(), p.version(),
                p.card().weightsSha256()));
    }

    /**
     * The stored behaviour of up to {@code maxPopulationPeople} people chosen by the seed: what the
     * population model and the few-shot policy start learn from.
     *
     * @param purpose what needs them, for the 409's message
     * @throws ConflictException when the store holds fewer people than {@code minPopulationPeople}
     */
    StoredDemonstrations storedPeople(long seed, String purpose) {
        List<String> people = new ArrayList<>(ingestion.store().statistics().recordsPerSource().keySet());
        if (people.size() < settings.minPopulationPeople()) {
            throw new ConflictException("the store holds behaviour of " + people.size() + " people; " + purpose
                    + " needs at least " + settings.minPopulationPeople());
        }
        Collections.shuffle(people, new Random(seed));
        List<String> chosen = people.subList(0, Math.min(people.size(), settings.maxPopulationPeople()));
        return ingestion.store().read(domain.domain().observationSpace(), domain.domain().actionSpace(),
                StoreQuery.all().withDomain(domain.domain().name()).withSources(new TreeSet<>(chosen)));
    }

    /**
     * Learns, registers and promotes a population model from the stored behaviour of up to
     * {@code maxPopulationPeople} people.
     *
     * @throws ConflictException when the store holds fewer people than {@code minPopulationPeople}
     */
    public synchronized ModelCard learn(long seed) {
        long start = System.nanoTime();
        StoredDemonstrations stored = storedPeople(seed, "the population model");
        List<FeatureSample> samples = StoredSamples.perPerson(stored, settings.maxPopulationSamplesPerPerson());
        PopulationModel model = PopulationModel.fit(samples, imitation.shrinkage())
                .withLevels(PopulationCalibration.measure(samples, imitation, seed));
        Map<String, Object> data = new LinkedHashMap<>(stored.provenanceForModelCard());
        data.put("people", model.people());
        data.put("samplesUsed", model.samples());
        data.put("peopleInStore", ingestion.store().statistics().recordsPerSource().size());
        data.put("observationEncoder", domain.domain().encoder().id());
        data.remove("query"); // it lists the chosen user ids
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("shrinkage", imitation.shrinkage());
        config.put("maxPopulationPeople", settings.maxPopulationPeople());
        config.put("maxPopulationSamplesPerPerson", settings.maxPopulationSamplesPerPerson());
        config.put("seed", seed);
        ModelCard draft = new ModelCard(OwnerModelNames.POPULATION, 0, "population-two-covariance",
                PopulationModel.class.getSimpleName(), model.observationSpace().describe(), model.actionSpace().describe(),
                config, data, Map.of("wallSeconds", (System.nanoTime() - start) / 1e9), Map.of(), null, LibraryVersion.get(),
                null, null);
        ModelCard card = policies.register(model, draft);
        policies.promote(card.model(), card.version());
        return card;
    }
}

package dev.apprentice.service.hosting;

import dev.apprentice.service.adaptation.AdaptationService;
import dev.apprentice.service.config.DomainConfig;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.config.KafkaSettings;
import dev.apprentice.service.config.ProducerSettings;
import dev.apprentice.service.config.ServingSettings;
import dev.apprentice.service.config.StorageSettings;
import dev.apprentice.service.config.TrainingSettings;
import dev.apprentice.service.domain.ImitationDomain;
import dev.apprentice.service.error.NotFoundException;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.ingest.ExpertProducer;
import dev.apprentice.service.ingest.IngestionReadiness;
import dev.apprentice.service.ingest.KafkaConnection;
import dev.apprentice.service.serving.PolicyReadiness;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.serving.PolicyTopic;
import dev.apprentice.service.training.TrainingService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The domains this service hosts, one {@link DomainServices} per {@link ImitationDomain} bean (of
 * any qualifier), in name order. A service hosting one domain configures it with the
 * {@code apprentice.*} keys; one hosting several configures each with
 * {@code apprentice.domains."<name>".*} over them ({@link DomainConfig#forDomain}) and names its
 * readiness checks {@code policy-<name>} and {@code ingestion-<name>}. Names must be path
 * segments, and no two domains may share a topic, a consumer group, a transactional id or a
 * directory: a start that would let two domains write the same store stops with a message naming
 * both. Closing it (at shutdown) stops every domain's consumers, producers and threads, then the
 * broker connection, and removes the meters that read them, so that an application started again
 * in the same JVM (tests, dev mode) shows only its own.
 */
@ApplicationScoped
public class DomainRegistry {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Map<String, DomainServices> byName = new LinkedHashMap<>();
    private final KafkaConnection connection;
    private final MeterRegistry metrics;

    public DomainRegistry(@Any Instance<ImitationDomain> domains, Config config, KafkaSettings kafka,
            StorageSettings storage, TrainingSettings training, ServingSettings serving, ProducerSettings producer,
            MeterRegistry metrics) {
        this.metrics = metrics;
        List<ImitationDomain> hosted = new ArrayList<>();
        domains.forEach(hosted::add);
        hosted.sort(Comparator.comparing(ImitationDomain::name));
        if (hosted.isEmpty()) {
            throw new IllegalStateException("expected at least one bean implementing ImitationDomain, found none");
        }
        boolean single = hosted.size() == 1;
        DomainConfig service = new DomainConfig(kafka, storage, training, serving, producer);
        Map<String, DomainConfig> configs = new LinkedHashMap<>();
        List<DomainSettings> settings = new ArrayList<>();
        for (ImitationDomain domain : hosted) {
            checkName(domain.name());
            DomainConfig own = single ? service : DomainConfig.forDomain(config, domain.name());
            configs.put(domain.name(), own);
            settings.add(new DomainSettings(domain, own.kafka(), own.storage(), own.training(), own.serving()));
        }
        checkDistinct(settings);
        connection = new KafkaConnection(kafka, settings.stream().map(DomainSettings::topic).toList());
        for (DomainSettings s : settings) {
            String name = s.domain().name();
            byName.put(name, build(configs.get(name), s, single ? "" : "-" + name));
        }
    }

    private DomainServices build(DomainConfig config, DomainSettings settings, String checkSuffix) {
        DemonstrationIngestion ingestion = new DemonstrationIngestion(settings, config.kafka(), connection, metrics);
        ExpertProducer producer = new ExpertProducer(settings, config.producer(), config.training(), connection);
        PolicyServing serving = new PolicyServing(settings, metrics);
        PolicyTopic policyTopic = new PolicyTopic(settings, config.serving(), connection, serving, metrics);
        TrainingService training = new TrainingService(settings, config.training(), ingestion, serving, metrics);
        return new DomainServices(config, settings, ingestion, producer, serving, policyTopic, training,
                new AdaptationService(settings, config.training(), ingestion, serving),
                new PolicyReadiness("policy" + checkSuffix, serving, settings),
                new IngestionReadiness("ingestion" + checkSuffix, ingestion));
    }

    /** A domain's name appears in every kit path: it must be one path segment of plain characters. */
    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("ImitationDomain.name(): expected a path segment of A-Z, a-z, 0-9, '.', '_'"
                    + " and '-' starting with a letter or digit, found '" + name + "'");
        }
    }

    /** Two domains sharing a topic, a group, a transactional id or a directory would read or write each other's data. */
    static void checkDistinct(List<DomainSettings> all) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> topics = new HashMap<>();
        Map<String, String> groups = new HashMap<>();
        Map<String, String> transactionalIds = new HashMap<>();
        Map<Path, String> directories = new HashMap<>();
        for (DomainSettings s : all) {
            String name = s.domain().name();
            claim(names, name, name, "the name", "give each ImitationDomain bean its own name()");
            claim(topics, s.topic(), name, "the topic", "kafka.topic");
            claim(topics, s.policyTopic(), name, "the topic", "kafka.policy-topic");
            claim(groups, s.groupId(), name, "the consumer group", "kafka.group-id");
            claim(transactionalIds, s.transactionalId(), name, "the transactional id", "kafka.transactional-id");
            claim(directories, s.storeDirectory().toAbsolutePath().normalize(), name, "the directory",
                    "storage.store-directory");
            claim(directories, s.registryDirectory().toAbsolutePath().normalize(), name, "the directory",
                    "storage.registry-directory");
            claim(directories, s.stateDirectory().toAbsolutePath().normalize(), name, "the directory",
                    "storage.state-directory");
        }
    }

    private static <K> void claim(Map<K, String> claimed, K value, String domain, String what, String key) {
        String owner = claimed.putIfAbsent(value, domain);
        if (owner != null) {
            String fix = key.contains(" ") ? key : "set apprentice.domains.\"<name>\"." + key + " for each";
            throw new IllegalArgumentException("domains " + owner + " and " + domain + " both use " + what + " '" + value
                    + "'; expected one per domain (" + fix + ")");
        }
    }

    /** Every hosted domain, in name order. */
    public Collection<DomainServices> all() {
        return byName.values();
    }

    /** The hosted domains' names, in order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The domain a request names.
     *
     * @throws NotFoundException (404) naming the domain when this service does not host it
     */
    public DomainServices require(String name) {
        DomainServices services = byName.get(name);
        if (services == null) {
            throw new NotFoundException("this service hosts no domain '" + name + "'; it hosts " + names());
        }
        return services;
    }

    /**
     * The one domain of a service that hosts one.
     *
     * @throws IllegalStateException naming the domains when it hosts several
     */
    public DomainServices only() {
        if (byName.size() != 1) {
            throw new IllegalStateException("this service hosts the domains " + names() + ", so a single domain's"
                    + " settings, ingestion, serving or training cannot be injected; use DomainRegistry.require(name)");
        }
        return byName.values().iterator().next();
    }

    /**
     * The service's name where it keeps state for all its domains (the {@code domain} tag of
     * service-wide metrics): the domain's name when it hosts one, otherwise the names joined by '+'.
     */
    public String serviceName() {
        return String.join("+", byName.keySet());
    }

    /**
     * Where the service keeps state shared by its domains (subject keys): the state directory of
     * its only domain or, when it hosts several, of the first by name.
     */
    public Path sharedStateDirectory() {
        return byName.values().iterator().next().settings().stateDirectory();
    }

    /** The connection to the cluster, shared by every domain. */
    public KafkaConnection connection() {
        return connection;
    }

    /**
     * Stops every domain in reverse name order and then the broker connection, and removes the
     * meters that read them (idempotent).
     */
    @PreDestroy
    public void close() {
        List<DomainServices> reversed = new ArrayList<>(byName.values());
        Collections.reverse(reversed);
        for (DomainServices services : reversed) {
            services.stop();
            services.ingestion().removeMeters();
        }
        connection.close();
    }
}

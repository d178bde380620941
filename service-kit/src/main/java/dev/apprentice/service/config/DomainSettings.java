package dev.apprentice.service.config;

import dev.apprentice.il.stream.PayloadFormat;
import dev.apprentice.service.domain.Algorithm;
import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.ImitationDomain;
import dev.apprentice.service.domain.PromotionRule;
import dev.apprentice.service.domain.TrainingRecipes;
import dev.apprentice.service.error.NoSharedPolicyException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The kit's settings with the domain's defaults filled in and checked once at start-up: topic
 * names, directories, the served model id, the evaluation expert, the automatic algorithms and the
 * promotion rule; and whether the domain has a shared policy at all. A bad value stops the service
 * with a message naming the key.
 */
public class DomainSettings {

    private final ImitationDomain domain;
    private final Optional<TrainingRecipes> recipes;
    private final Optional<DomainEvaluation> evaluation;
    private final Optional<DecisionCodec> decisions;
    private final KafkaSettings kafka;
    private final TrainingSettings training;
    private final String topic;
    private final String policyTopic;
    private final Path storeDirectory;
    private final List<Path> peerStoreDirectories;
    private final Path registryDirectory;
    private final Path stateDirectory;
    private final String model;
    private final PromotionRule promotion;
    private final List<Algorithm> autoAlgorithms;
    private final PayloadFormat payloadFormat;

    public DomainSettings(ImitationDomain domain, KafkaSettings kafka, StorageSettings storage, TrainingSettings training,
            ServingSettings serving) {
        this.domain = domain;
        this.kafka = kafka;
        this.training = training;
        String name = domain.name();
        recipes = domain.training();
        evaluation = domain.evaluation();
        decisions = domain.decisions();
        if (recipes.isPresent() != evaluation.isPresent() || recipes.isPresent() != decisions.isPresent()) {
            throw new IllegalStateException(name + ": training(), evaluation() and decisions() make up the shared policy"
                    + " and are present together or not at all; found training " + presence(recipes) + ", evaluation "
                    + presence(evaluation) + ", decisions " + presence(decisions));
        }
        topic = kafka.topic().orElse(name + ".demonstrations");
        policyTopic = kafka.policyTopic().orElse(name + ".policies");
        storeDirectory = Path.of(storage.storeDirectory().orElse(".apprentice/" + name + "/store"));
        peerStoreDirectories = storage.peerStoreDirectories().orElse(List.of()).stream().map(Path::of).toList();
        registryDirectory = Path.of(storage.registryDirectory().orElse(".apprentice/" + name + "/registry"));
        stateDirectory = Path.of(storage.stateDirectory().orElse(".apprentice/" + name + "/state"));
        model = serving.model().orElse(name);
        promotion = PromotionRule.byId(training.promotion()).orElseThrow(() -> new IllegalArgumentException(
                "apprentice.training.promotion: expected manual, always or if-better, found '" + training.promotion() + "'"));
        autoAlgorithms = recipes.map(r -> training.autoAlgorithms().orElse(List.of(r.algorithms().get(0).id())).stream()
                .map(id -> Algorithm.byId(id).filter(r.algorithms()::contains)
                        .orElseThrow(() -> new IllegalArgumentException("apprentice.training.auto-algorithms: expected some of "
                                + r.algorithms() + ", found '" + id + "'")))
                .toList()).orElse(List.of());
        payloadFormat = PayloadFormat.parse(kafka.payloadFormat());
        domain.simulation().ifPresent(sim -> {
            if (training.evaluationExpert().isPresent() && !sim.experts().contains(training.evaluationExpert().get())) {
                throw new IllegalArgumentException("apprentice.training.evaluation-expert: expected one of " + sim.experts()
                        + ", found '" + training.evaluationExpert().get() + "'");
            }
        });
    }

    private static String presence(Optional<?> part) {
        return part.isPresent() ? "present" : "absent";
    }

    /** The domain. */
    public ImitationDomain domain() {
        return domain;
    }

    /**
     * Whether the domain has a shared policy for the kit to train, evaluate and decide with; a domain
     * without one trains per-subject models through its own endpoints.
     */
    public boolean sharedPolicy() {
        return recipes.isPresent();
    }

    /**
     * The shared policy's training recipes.
     *
     * @throws NoSharedPolicyException (404) for a domain without a shared policy
     */
    public TrainingRecipes recipes() {
        return recipes.orElseThrow(NoSharedPolicyException::training);
    }

    /**
     * The shared policy's evaluation.
     *
     * @throws NoSharedPolicyException (404) for a domain without a shared policy
     */
    public DomainEvaluation evaluation() {
        return evaluation.orElseThrow(NoSharedPolicyException::training);
    }

    /**
     * The codec of the kit's decision requests.
     *
     * @throws NoSharedPolicyException (404) for a domain without a shared policy
     */
    public DecisionCodec decisions() {
        return decisions.orElseThrow(NoSharedPolicyException::decisions);
    }

    /** The demonstrations topic. */
    public String topic() {
        return topic;
    }

    /** The compacted policy topic. */
    public String policyTopic() {
        return policyTopic;
    }

    /** The demonstration store's directory. */
    public Path storeDirectory() {
        return storeDirectory;
    }

    /** The other ingesting replicas' stores that training reads beside this one's (none by default). */
    public List<Path> peerStoreDirectories() {
        return peerStoreDirectories;
    }

    /** The registry's directory. */
    public Path registryDirectory() {
        return registryDirectory;
    }

    /** The directory of the state that survives a restart: job journal, checkpoints, producer seeds. */
    public Path stateDirectory() {
        return stateDirectory;
    }

    /** The model id a single-model domain serves. */
    public String model() {
        return model;
    }

    /** The configured promotion rule. */
    public PromotionRule promotion() {
        return promotion;
    }

    /** The algorithms automatic training runs, in order; none without a shared policy. */
    public List<Algorithm> autoAlgorithms() {
        return autoAlgorithms;
    }

    /** The demonstrations topic's wire format. */
    public PayloadFormat payloadFormat() {
        return payloadFormat;
    }

    /**
     * Whether this replica is the model's training replica: it ingests and trains
     * ({@code apprentice.kafka.ingest} and {@code apprentice.training.enabled}), promotes, and
     * publishes to the policy topic; every other replica follows that topic.
     */
    public boolean trains() {
        return kafka.ingest() && training.enabled();
    }

    /** The ingester's consumer group. */
    public String groupId() {
        return kafka.groupId().orElse(domain.name() + "-ingest");
    }

    /** The ingester's transactional id. */
    public String transactionalId() {
        return kafka.transactionalId().orElse(domain.name() + "-ingest-0");
    }

    /** The expert evaluation compares with, or {@code "dataset"} for domains without a simulator. */
    public String evaluationExpert() {
        return training.evaluationExpert()
                .orElseGet(() -> domain.simulation().map(ExpertSimulation::defaultExpert).orElse("dataset"));
    }

    /** Iterations of an algorithm when a request does not say: configuration, else the domain's recipe. */
    public int iterations(Algorithm algorithm) {
        Integer configured = training.iterations().get(algorithm.id());
        if (configured != null) {
            return configured;
        }
        // A meta-learner's default comes from the domain's meta-learning recipe (0 asks it for it).
        return algorithm.metaMethod().isPresent() ? 0 : recipes().defaultIterations(algorithm);
    }
}

package dev.apprentice.service.testdomain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.Trainer;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.meta.MetaConfig;
import dev.apprentice.il.algorithms.bc.BcConfig;
import dev.apprentice.il.algorithms.bc.BehaviorCloningTrainer;
import dev.apprentice.il.algorithms.gail.GailConfig;
import dev.apprentice.il.algorithms.gail.GailTrainer;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.env.ExpertRecorder;
import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.env.reference.IdentityEnvironment;
import dev.apprentice.il.env.reference.IdentityExpert;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.Activation;
import dev.apprentice.il.policy.Actor;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import dev.apprentice.il.spaces.Space;
import dev.apprentice.il.store.EpisodeId;
import dev.apprentice.il.store.DemonstrationStore;
import dev.apprentice.il.store.RecordOrigin;
import dev.apprentice.il.store.StoreQuery;
import dev.apprentice.il.stream.schema.Demonstration;
import dev.apprentice.il.stream.schema.DemonstrationEnvelope;
import dev.apprentice.service.domain.ActionLabels;
import dev.apprentice.service.domain.Algorithm;
import dev.apprentice.service.domain.Baseline;
import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.EvaluationProtocol;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.ImitationDomain;
import dev.apprentice.service.domain.LiveEpisode;
import dev.apprentice.service.domain.MetaLearningRecipe;
import dev.apprentice.service.domain.MetricSpec;
import dev.apprentice.service.domain.TrainingRecipes;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.serving.PolicyServing;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kit's test domain: the identity task (the right action is the hot index of the observation),
 * with the core's generic envelope as its Avro record, BC and GAIL as recipes, and the identity
 * expert as its simulator. Everything a real domain provides, in the smallest form.
 */
@ApplicationScoped
public class IdentityDomain implements ImitationDomain {

    static final int ACTIONS = 4;
    /** How often the baselines were computed (the kit must compute them once, however many callers race). */
    public static final java.util.concurrent.atomic.AtomicInteger BASELINE_RUNS = new java.util.concurrent.atomic.AtomicInteger();
    static final String ENCODER_ID = "identity-v1";

    private final String name;
    private final Box observations = IdentityEnvironment.discrete(ACTIONS).observationSpace();
    private final Discrete actions = new Discrete(ACTIONS);
    private final Actor expert = new IdentityExpert(true);

    private final ObservationEncoder encoder = new ObservationEncoder() {
        @Override
        public String id() {
            return ENCODER_ID;
        }

        @Override
        public Box inputSpace() {
            return observations;
        }

        @Override
        public Box outputSpace() {
            return observations;
        }

        @Override
        public float[] encode(float[] observation) {
            return observation.clone();
        }
    };

    /** The identity task as the kit's test domain {@code identity}. */
    public IdentityDomain() {
        this("identity");
    }

    /** The identity task under another name, whose simulated experts record their steps under it. */
    public IdentityDomain(String name) {
        this.name = name;
    }

    /** Stores {@code episodes} complete oracle episodes (seeds 0, 1, ...) in the store at {@code dir}, as if ingested. */
    public static void storeEpisodes(Path dir, int episodes) {
        try (DemonstrationStore store = DemonstrationStore.open(dir)) {
            long offset = 0;
            for (long seed = 0; seed < episodes; seed++) {
                List<ExpertStep> steps = ExpertRecorder.record("identity", "sim-oracle", "seed-" + seed,
                        IdentityEnvironment.discrete(ACTIONS), new IdentityExpert(true), seed,
                        IdentityEnvironment.EPISODE_LENGTH, Instant.EPOCH, Duration.ofSeconds(1), Map.of());
                for (ExpertStep step : steps) {
                    store.append(step, new RecordOrigin("identity.demonstrations", 0, offset++));
                }
            }
            store.flush();
        }
    }

    /**
     * A policy and the draft of its model card, as the service would register them.
     *
     * @param policy the trained policy
     * @param draft its card, naming this domain's encoder
     */
    public record Trained(Policy policy, ModelCard draft) {
    }

    /** Behaviour cloning trained on a few oracle episodes, as a version of {@code model}. */
    public static Trained trainOnOracleEpisodes(String model) throws IOException {
        Path scratch = Files.createTempDirectory("identity-demonstrations-");
        storeEpisodes(scratch, 5);
        IdentityEnvironment env = IdentityEnvironment.discrete(ACTIONS);
        DemonstrationSet demonstrations;
        try (DemonstrationStore store = DemonstrationStore.openReadOnly(scratch)) {
            demonstrations = store.read(env.observationSpace(), env.actionSpace(), StoreQuery.all()).demonstrations();
        }
        TrainingOutcome outcome = new IdentityDomain().training().orElseThrow().trainer(Algorithm.BC, 1, 1, 0)
                .train(ImitationTask.of(demonstrations), TrainingOptions.listener(p -> { }));
        return new Trained(outcome.policy(), ModelCard.draft(model, outcome, "test", demonstrations, null)
                .withDataProvenance(Map.of(PolicyServing.ENCODER_KEY, ENCODER_ID)));
    }

    /**
     * Trains behaviour cloning on a few oracle episodes and registers and promotes the policy in the
     * registry at {@code dir}, as the service would have; returns its version.
     */
    public static int registerPromotedPolicy(Path dir) throws IOException {
        Trained trained = trainOnOracleEpisodes("identity");
        PolicyRegistry registry = new PolicyRegistry(dir);
        ModelCard card = registry.register(trained.policy(), trained.draft());
        registry.promote("identity", card.version());
        return card.version();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return "identity test domain";
    }

    @Override
    public Box observationSpace() {
        return observations;
    }

    @Override
    public Space actionSpace() {
        return actions;
    }

    @Override
    public ObservationEncoder encoder() {
        return encoder;
    }

    @Override
    public ActionLabels actionLabels() {
        return ActionLabels.discrete(List.of("A0", "A1", "A2", "A3"));
    }

    @Override
    public DemonstrationRecords<?> records() {
        return new DemonstrationRecords<Demonstration>() {
            @Override
            public Class<Demonstration> recordClass() {
                return Demonstration.class;
            }

            @Override
            public ExpertStep toStep(Demonstration record) {
                return DemonstrationEnvelope.toStep(record);
            }

            @Override
            public Demonstration fromStep(ExpertStep step) {
                return DemonstrationEnvelope.toEnvelope(step);
            }
        };
    }

    @Override
    public Optional<DecisionCodec> decisions() {
        return Optional.of(new DecisionCodec() {
            @Override
            public float[] observation(JsonNode body, String path) {
                String field = path.isEmpty() ? "observation" : path + ".observation";
                JsonNode o = body == null ? null : body.get("observation");
                if (o == null || !o.isArray() || o.size() != ACTIONS) {
                    throw new InvalidRequestException(field, "expected " + ACTIONS + " numbers in [0, 1]");
                }
                float[] out = new float[ACTIONS];
                for (int i = 0; i < ACTIONS; i++) {
                    if (!o.get(i).isNumber() || o.get(i).doubleValue() < 0 || o.get(i).doubleValue() > 1) {
                        throw new InvalidRequestException(field + "[" + i + "]", "expected a number in [0, 1]");
                    }
                    out[i] = (float) o.get(i).doubleValue();
                }
                return out;
            }
        });
    }

    /** Meta-learning over two people, the identity task's episodes split between them by episode id. */
    @Override
    public Optional<MetaLearningRecipe> metaLearning() {
        return Optional.of(new MetaLearningRecipe() {
            @Override
            public String subject() {
                return "person";
            }

            @Override
            public String subjectOf(EpisodeId episode) {
                return "person-" + Math.floorMod(episode.episode().hashCode(), 2);
            }

            @Override
            public MetaConfig config(long seed, int threads, int iterations) {
                return MetaConfig.builder().hiddenSizes(16).activation(Activation.TANH).supportShots(5).queryShots(5)
                        .innerSteps(2).innerLearningRate(0.5).adaptationSteps(5).metaBatchSize(4)
                        .iterations(iterations > 0 ? iterations : 40).threads(threads).seed(seed).build();
            }

            @Override
            public int minimumSamplesPerSubject() {
                return 10;
            }
        });
    }

    @Override
    public Optional<TrainingRecipes> training() {
        return Optional.of(new TrainingRecipes() {
            @Override
            public List<Algorithm> algorithms() {
                return List.of(Algorithm.BC, Algorithm.GAIL);
            }

            @Override
            public ImitationTask task(DemonstrationSet raw) {
                return ImitationTask.of(raw).withEnvironments(() -> IdentityEnvironment.discrete(ACTIONS));
            }

            @Override
            public Trainer trainer(Algorithm algorithm, long seed, int threads, int iterations) {
                return algorithm == Algorithm.BC
                        ? new BehaviorCloningTrainer(BcConfig.builder().seed(seed).epochs(60).build())
                        : new GailTrainer(GailConfig.builder().seed(seed).iterations(iterations).build(), threads);
            }

            @Override
            public int defaultIterations(Algorithm algorithm) {
                return algorithm == Algorithm.GAIL ? 10 : 0;
            }
        });
    }

    @Override
    public Optional<DomainEvaluation> evaluation() {
        return Optional.of(new DomainEvaluation() {
            @Override
            public List<MetricSpec> metrics() {
                return List.of(MetricSpec.of("normalizedReturn", "normalised return", null, 3,
                                MetricSpec.Direction.HIGHER_IS_BETTER),
                        MetricSpec.safetyLowerIsBetter("wrongActionRate", "wrong actions", "%", 1, 0.05));
            }

            @Override
            public String primaryMetric() {
                return "normalizedReturn";
            }

            @Override
            public EvaluationProtocol protocol(long firstSeed, int episodes, String expertName) {
                return new EvaluationProtocol(firstSeed, episodes, expertName, "identity-eval-v1");
            }

            @Override
            public int maxEpisodeSteps() {
                return IdentityEnvironment.EPISODE_LENGTH;
            }

            @Override
            public Map<String, Double> evaluate(Policy policy, EvaluationProtocol protocol, RolloutCollector collector) {
                EvaluationResult r = evaluator(protocol, collector).evaluate("policy", policy);
                return Map.of("normalizedReturn", r.normalizedReturn(), "wrongActionRate", 1 - r.actionAgreement());
            }

            @Override
            public List<Baseline> baselines(EvaluationProtocol protocol, RolloutCollector collector) {
                BASELINE_RUNS.incrementAndGet();
                return List.of(new Baseline("expert", Map.of("normalizedReturn", 1.0, "wrongActionRate", 0.0)),
                        new Baseline("random", Map.of("normalizedReturn", 0.0, "wrongActionRate", 0.75)));
            }

            @Override
            public Optional<Evaluator> progressEvaluator(EvaluationProtocol protocol, RolloutCollector collector) {
                return Optional.of(evaluator(protocol, collector));
            }

            private Evaluator evaluator(EvaluationProtocol protocol, RolloutCollector collector) {
                return new Evaluator(collector, () -> IdentityEnvironment.discrete(ACTIONS), expert,
                        RolloutCollector.seeds(protocol.firstSeed(), protocol.episodes()), encoder);
            }
        });
    }

    @Override
    public Optional<ExpertSimulation> simulation() {
        return Optional.of(new ExpertSimulation() {
            @Override
            public List<String> experts() {
                return List.of("oracle");
            }

            @Override
            public String defaultExpert() {
                return "oracle";
            }

            @Override
            public ExpertEpisode record(String name, long seed, Instant start, Duration interval) {
                return new ExpertEpisode(ExpertRecorder.record(IdentityDomain.this.name, "sim-oracle", "seed-" + seed,
                        IdentityEnvironment.discrete(ACTIONS), expert, seed, IdentityEnvironment.EPISODE_LENGTH, start,
                        interval, Map.of()), false);
            }

            @Override
            public Actor expert(String name) {
                return expert;
            }

            @Override
            public LiveEpisode live(long seed, Actor driver) {
                IdentityEnvironment env = IdentityEnvironment.discrete(ACTIONS);
                float[][] observation = {env.reset(seed)};
                return new LiveEpisode() {
                    @Override
                    public Object scene() {
                        return observation[0];
                    }

                    @Override
                    public Step step() {
                        float[] action = driver.act(observation[0], null);
                        StepResult r = env.step(action);
                        observation[0] = r.observation();
                        return new Step("A" + (int) action[0], r.reward(), r.done(), List.of(observation[0]));
                    }
                };
            }

            @Override
            public int liveFramesPerSecond() {
                return 10;
            }
        });
    }
}

package dev.apprentice.lanechange.training;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.TrainingStoppedException;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.PolicyRegistry;
import dev.apprentice.il.registry.RegistryEntry;
import dev.apprentice.il.store.StoreQuery;
import dev.apprentice.il.store.StoredDemonstrations;
import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.lanechange.config.LaneChangeConfig;
import dev.apprentice.lanechange.ingest.LaneChangeIngestion;
import dev.apprentice.lanechange.serving.PolicyService;
import dev.apprentice.lanechange.sim.DriverStyle;
import dev.apprentice.lanechange.sim.LaneFeatures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs training jobs one at a time for the served model, on request or automatically when enough
 * new complete episodes have been stored: reads the store, trains, evaluates against the expert
 * on fixed seeds, registers the version with its model card, and promotes it by the configured
 * rule. Progress (iteration, discriminator accuracy, evaluation return) is visible per job and as
 * metrics.
 */
@ApplicationScoped
public class TrainingService {

    /** Jobs kept for the API; older finished ones are forgotten. */
    static final int KEPT_JOBS = 100;
    /** Seeds of the evaluations run during training (fewer than the final evaluation's). */
    static final int PROGRESS_EVALUATION_EPISODES = 20;
    /** The model-card data key holding how many stored episodes a version was trained on. */
    static final String EPISODES_USED = "episodesUsed";

    private final LaneChangeConfig config;
    private final LaneChangeIngestion ingestion;
    private final PolicyService serving;
    private final LaneChangeImitation imitation = new LaneChangeImitation();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lane-change-training");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, TrainingJob> jobs = new LinkedHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicLong episodesAtLastAutoTraining = new AtomicLong();
    private final Map<String, Double> live = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Map<String, Object> baselines;

    public TrainingService(LaneChangeConfig config, LaneChangeIngestion ingestion, PolicyService serving,
            MeterRegistry metrics) {
        this.config = config;
        this.ingestion = ingestion;
        this.serving = serving;
        for (String key : List.of("iteration", "disc_expert_accuracy", "disc_generated_accuracy", "eval_normalized_return",
                "env_return_mean")) {
            live.put(key, Double.NaN);
            Gauge.builder("lane_change_training_" + key, live, m -> m.getOrDefault(key, Double.NaN))
                    .description("Latest training progress value " + key).register(metrics);
        }
    }

    /** Turns on automatic training when the configured number of new episodes has been stored. */
    public void enableAutomaticTraining() {
        int every = config.training().autoTrainEpisodes();
        if (every <= 0) {
            return;
        }
        // After a restart, episodes the registered versions were already trained on are not new.
        episodesAtLastAutoTraining.set(episodesTrainedOn(serving.registry(), serving.model()));
        ingestion.onEpisodesStored(complete -> {
            long last = episodesAtLastAutoTraining.get();
            if (complete - last >= every && episodesAtLastAutoTraining.compareAndSet(last, complete)) {
                Log.infof("%d complete episodes stored (%d new): starting %s", complete, complete - last,
                        config.training().autoAlgorithms());
                for (String algorithm : config.training().autoAlgorithms()) {
                    submit(TrainingRequest.of(algorithm), "automatic");
                }
            }
        });
    }

    /** The most episodes any registered version of the model was trained on (its card's {@code episodesUsed}); 0 if none. */
    static long episodesTrainedOn(PolicyRegistry registry, String model) {
        return registry.list(model).stream().flatMap(entry -> entry.card().stream())
                .map(card -> card.data().get(EPISODES_USED)).filter(Number.class::isInstance)
                .mapToLong(n -> ((Number) n).longValue()).max().orElse(0);
    }

    /**
     * Queues a job.
     *
     * @throws IllegalArgumentException when the request is invalid (the message names the field)
     */
    public TrainingJob submit(TrainingRequest request, String trigger) {
        request.validate();
        TrainingJob job = new TrainingJob("job-" + nextId.getAndIncrement(), request, trigger);
        synchronized (jobs) {
            jobs.put(job.id(), job);
            if (jobs.size() > KEPT_JOBS) {
                jobs.values().stream().filter(TrainingJob::finished).findFirst().ifPresent(old -> jobs.remove(old.id()));
            }
        }
        worker.submit(() -> run(job));
        return job;
    }

    /** A job by id. */
    public Optional<TrainingJob> job(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** Every kept job, oldest first. */
    public List<TrainingJob> jobs() {
        synchronized (jobs) {
            return new ArrayList<>(jobs.values());
        }
    }

    private void run(TrainingJob job) {
        if (job.cancelRequested()) {
            job.failed("cancelled before it started");
            return;
        }
        job.started();
        TrainingRequest request = job.request();
        try (RolloutCollector collector = new RolloutCollector(config.training().threads(), imitation.road().episodeDecisions())) {
            StoreQuery query = StoreQuery.all().withDomain(LaneChangeDomain.NAME);
            if (request.drivers() != null && !request.drivers().isEmpty()) {
                query = query.withSources(new java.util.TreeSet<>(request.drivers()));
            }
            StoredDemonstrations stored = ingestion.store().read(LaneChangeDomain.OBSERVATION_SPACE,
                    LaneChangeDomain.ACTION_SPACE, query);
            if (stored.episodes() == 0) {
                throw new IllegalStateException("the store holds no complete episodes" + (query.sources().isEmpty() ? ""
                        : " of drivers " + query.sources()) + "; publish demonstrations first");
            }
            DemonstrationSet raw = stored.demonstrations();
            if (request.maxEpisodes() != null && request.maxEpisodes() < raw.episodeCount()) {
                int[] first = new int[request.maxEpisodes()];
                for (int i = 0; i < first.length; i++) {
                    first[i] = i;
                }
                raw = raw.selectEpisodes(first);
            }
            Map<String, Object> provenance = new LinkedHashMap<>(stored.provenanceForModelCard());
            provenance.put(EPISODES_USED, raw.episodeCount());
            provenance.put("samplesUsed", raw.size());
            provenance.put(PolicyService.ENCODER_KEY, LaneFeatures.ID);
            job.data(provenance);

            long seed = request.seed() == null ? 1 : request.seed();
            int iterations = request.iterations() != null ? request.iterations()
                    : "rail".equals(request.algorithm()) ? config.training().railIterations().orElse(0)
                    : "gail".equals(request.algorithm()) ? config.training().gailIterations().orElse(0) : 0;
            DriverStyle style = DriverStyle.byName(config.training().evaluationStyle());
            long evalSeed = config.training().evaluationSeed();
            TrainingOptions options = TrainingOptions.listener(p -> {
                job.progress(p.iteration(), p.maxIterations(), p.metrics(), p.elapsedSeconds());
                live.put("iteration", (double) p.iteration());
                p.metrics().forEach((k, v) -> live.computeIfPresent(k, (key, old) -> v));
            }).withStopSignal(job::cancelRequested);
            if (!"bc".equals(request.algorithm())) {
                Evaluator progressEvaluator = imitation.evaluator(collector, style,
                        RolloutCollector.seeds(evalSeed, PROGRESS_EVALUATION_EPISODES));
                options = options.withEvaluation(progressEvaluator, Math.max(1, iterations / 15));
            }
            ImitationTask task = imitation.task(raw);
            TrainingOutcome outcome = imitation.trainer(request.algorithm(), seed, config.training().threads(), iterations)
                    .train(task, options);

            long[] seeds = RolloutCollector.seeds(evalSeed, config.training().evaluationEpisodes());
            Evaluator evaluator = imitation.evaluator(collector, style, seeds);
            EvaluationResult result = evaluator.evaluate(request.algorithm(), outcome.policy());
            DrivingMetrics driving = DrivingMetrics.measure(imitation.road(), imitation.driver(outcome.policy()), seeds,
                    config.training().threads());
            Map<String, Object> evaluation = new LinkedHashMap<>(result.toMap());
            evaluation.put("driving", driving.toMap());
            evaluation.put("expertStyle", style.name());
            evaluation.put("seeds", Map.of("first", evalSeed, "count", seeds.length));

            ModelCard draft = ModelCard.draft(serving.model(), outcome, "kafka:" + config.kafka().topic(),
                    task.demonstrations(), result).withDataProvenance(provenance);
            ModelCard withDriving = new ModelCard(draft.model(), draft.version(), draft.algorithm(), draft.policyType(),
                    draft.observationSpace(), draft.actionSpace(), draft.config(), draft.data(), draft.training(),
                    draft.metrics(), evaluation, draft.libraryVersion(), draft.createdAt(), draft.weightsSha256());
            ModelCard card = serving.registry().register(outcome.policy(), withDriving);
            boolean promote = shouldPromote(request.promote() != null ? request.promote() : config.training().promotion(),
                    result.normalizedReturn(), driving.collisionRate());
            if (promote) {
                serving.promote(card.version());
            }
            live.put("eval_normalized_return", result.normalizedReturn());
            job.succeeded(card.version(), evaluation, promote);
            Log.infof("%s: registered %s v%d, normalised return %.3f, collisions %.1f %%%s", job.id(), card.model(),
                    card.version(), result.normalizedReturn(), 100 * driving.collisionRate(), promote ? ", promoted" : "");
        } catch (TrainingStoppedException e) {
            job.failed(e.getMessage());
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            if (job.cancelRequested()) {
                Log.infof("%s cancelled (%s)", job.id(), reason); // e.g. rollouts interrupted at shutdown
            } else {
                Log.errorf(e, "%s failed", job.id());
            }
            job.failed(reason);
        }
    }

    /** The promotion rule: {@code always}, {@code manual}, or {@code if-better} than the served version. */
    private boolean shouldPromote(String rule, double normalizedReturn, double collisionRate) {
        return switch (rule) {
            case "always" -> true;
            case "manual" -> false;
            default -> serving.served().map(current -> {
                Map<String, Object> eval = current.card().evaluation();
                if (eval == null || !(eval.get("normalizedReturn") instanceof Number currentReturn)) {
                    return true;
                }
                double currentCollisions = eval.get("driving") instanceof Map<?, ?> d
                        && d.get("collisionRate") instanceof Number c ? c.doubleValue() : 1.0;
                return normalizedReturn > currentReturn.doubleValue() && collisionRate <= currentCollisions + 0.02;
            }).orElse(true);
        };
    }

    /**
     * The evaluation table: the expert and random rows on the evaluation seeds, then every
     * registered version's evaluation, newest first.
     */
    public Map<String, Object> evaluationTable() {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("baselines", baselines());
        List<Map<String, Object>> versions = new ArrayList<>();
        for (RegistryEntry entry : serving.registry().list(serving.model())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", entry.version());
            row.put("promoted", entry.promoted());
            entry.card().ifPresent(card -> {
                row.put("algorithm", card.algorithm());
                row.put("createdAt", card.createdAt());
                row.put("episodes", card.data().get(EPISODES_USED));
                row.put("evaluation", card.evaluation());
            });
            entry.problem().ifPresent(problem -> row.put("error", problem));
            versions.add(0, row);
        }
        table.put("versions", versions);
        return table;
    }

    /** Expert and random driving on the evaluation seeds (computed once). */
    public Map<String, Object> baselines() {
        Map<String, Object> b = baselines;
        if (b == null) {
            DriverStyle style = DriverStyle.byName(config.training().evaluationStyle());
            long[] seeds = RolloutCollector.seeds(config.training().evaluationSeed(), config.training().evaluationEpisodes());
            b = new LinkedHashMap<>();
            try (RolloutCollector collector = new RolloutCollector(config.training().threads(),
                    imitation.road().episodeDecisions())) {
                Evaluator evaluator = imitation.evaluator(collector, style, seeds);
                Map<String, Object> expert = new LinkedHashMap<>();
                expert.put("style", style.name());
                expert.put("meanReturn", evaluator.expertStatistics().meanReturn());
                expert.put("driving", DrivingMetrics.measure(imitation.road(), imitation.expert(style), seeds,
                        config.training().threads()).toMap());
                Map<String, Object> random = new LinkedHashMap<>();
                random.put("meanReturn", evaluator.randomStatistics().meanReturn());
                random.put("driving", DrivingMetrics.measure(imitation.road(),
                        new dev.apprentice.il.policy.UniformRandomActor(LaneChangeDomain.ACTION_SPACE), seeds,
                        config.training().threads()).toMap());
                b.put("expert", expert);
                b.put("random", random);
                b.put("episodes", seeds.length);
            }
            baselines = b;
        }
        return b;
    }

    /** Stops the worker: running jobs are asked to stop and given a few seconds. */
    @PreDestroy
    public void stop() {
        for (TrainingJob job : jobs()) {
            job.cancel();
        }
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

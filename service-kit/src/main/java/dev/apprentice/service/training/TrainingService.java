package dev.apprentice.service.training;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.algorithms.TrainingStoppedException;
import dev.apprentice.il.algorithms.meta.MetaConfig;
import dev.apprentice.il.algorithms.meta.MetaImitationTrainer;
import dev.apprentice.il.algorithms.meta.PerTaskDemonstrations;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.data.StateProfile;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.il.registry.RegistryEntry;
import dev.apprentice.il.store.EpisodeId;
import dev.apprentice.il.store.StoreQuery;
import dev.apprentice.il.store.StoredDemonstrations;
import dev.apprentice.service.config.DomainSettings;
import dev.apprentice.service.config.TrainingSettings;
import dev.apprentice.service.domain.Algorithm;
import dev.apprentice.service.domain.Baseline;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.EvaluationProtocol;
import dev.apprentice.service.domain.ImitationDomain;
import dev.apprentice.service.domain.MetaLearningRecipe;
import dev.apprentice.service.domain.PromotionRule;
import dev.apprentice.service.error.ConflictException;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.error.NoSharedPolicyException;
import dev.apprentice.service.error.QueueFullException;
import dev.apprentice.service.ingest.DemonstrationIngestion;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.service.serving.ServedPolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Runs training jobs one at a time, on request or automatically when enough new complete episodes
 * have been stored: reads the store, trains with the domain's recipe, evaluates under the
 * configured protocol, registers the version with its model card, and promotes it by the rule.
 * The queue is bounded ({@code apprentice.training.max-queued-jobs}); progress is visible per job
 * and as {@code apprentice_training_*} metrics. For a domain without a shared policy it trains
 * nothing: submitting answers 404 {@code no-shared-policy}, and automatic training, journaled jobs
 * and the progress metrics stay off.
 */
public class TrainingService {

    /** Jobs kept for the API; older finished ones are forgotten. */
    static final int KEPT_JOBS = 100;
    /** Seeds of the evaluations run during training (fewer than the final evaluation's). */
    static final int PROGRESS_EVALUATION_EPISODES = 20;
    /** The model-card data key holding how many stored episodes a version was trained on. */
    static final String EPISODES_USED = "episodesUsed";
    /** About how many checkpoints an iterative run saves, so that a restart loses at most a twentieth of it. */
    static final int CHECKPOINTS_PER_RUN = 20;
    /** Checkpoint interval of recipes without a configured iteration count (behaviour cloning's epochs). */
    static final int EPOCHS_PER_CHECKPOINT = 5;
    /** The share of training states a state profile's threshold keeps within: 99.9 %. */
    public static final double PROFILE_QUANTILE = 0.999;
    /** How long a shutdown waits for the running job to checkpoint at an iteration boundary. */
    static final Duration GRACEFUL_STOP = Duration.ofSeconds(8);

    private final ImitationDomain domain;
    private final DomainSettings settings;
    /** Why a replica does not train, for its answers. */
    static final String NOT_TRAINING = "apprentice.kafka.ingest=false or apprentice.training.enabled=false";

    private final TrainingSettings training;
    private final DemonstrationIngestion ingestion;
    private final PolicyServing serving;
    private final ThreadPoolExecutor worker;
    private final JobJournal journal;
    private final MeterRegistry metrics;
    private final List<Gauge> gauges = new ArrayList<>();
    private volatile boolean shuttingDown;
    private final Map<String, TrainingJob> jobs = new LinkedHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicLong episodesAtLastAutoTraining = new AtomicLong();
    private final Map<String, Double> live = new ConcurrentHashMap<>();
    private final Object baselineLock = new Object();
    private volatile List<Baseline> baselines;
    private volatile EvaluationTable table;

    public TrainingService(DomainSettings settings, TrainingSettings training, DemonstrationIngestion ingestion, PolicyServing serving, MeterRegistry metrics) {
        this.domain = settings.domain();
        this.settings = settings;
        this.training = training;
        this.ingestion = ingestion;
        this.serving = serving;
        this.metrics = metrics;
        this.journal = new JobJournal(settings.stateDirectory());
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(training.maxQueuedJobs()),
                r -> {
                    Thread t = new Thread(r, domain.name() + "-training");
                    t.setDaemon(true);
                    return t;
                });
        serving.onChange(() -> table = null);
        if (!settings.sharedPolicy()) {
            return;
        }
        for (String key : List.of("iteration", "disc_expert_accuracy", "disc_generated_accuracy", "eval_normalized_return",
                "env_return_mean")) {
            live.put(key, Double.NaN);
            gauges.add(Gauge.builder("apprentice_training_" + key, live, m -> m.getOrDefault(key, Double.NaN))
                    .tag("domain", domain.name()).description("Latest training progress value " + key).register(metrics));
        }
    }

    /**
     * Brings back the journal's jobs: finished ones are listed again, and jobs that a crash or a
     * shutdown interrupted are queued again under their ids, on the episodes they had started on,
     * and resume from their last checkpoint. Call once at start-up, after the store is open. Does
     * nothing for a domain without a shared policy.
     */
    public void resumeJournaledJobs() {
        if (!settings.sharedPolicy()) {
            return;
        }
        List<TrainingJob> interrupted = new ArrayList<>();
        synchronized (jobs) {
            for (JobJournal.Entry entry : journal.entries()) {
                nextId.accumulateAndGet(JobJournal.number(entry.id()) + 1, Math::max);
                TrainingJob job = TrainingJob.fromJournal(entry);
                jobs.put(job.id(), job);
                if (!job.finished()) {
                    interrupted.add(job);
                }
            }
        }
        for (TrainingJob job : interrupted) {
            if (!settings.trains()) {
                job.failed("interrupted by a restart, and this replica no longer trains (" + NOT_TRAINING + ")");
                journal.record(job);
                continue;
            }
            Log.infof("%s (%s) was interrupted by a restart; queued again, resuming from its last checkpoint",
                    job.id(), job.request().algorithm().id());
            journal.record(job);
            try {
                worker.execute(() -> run(job));
            } catch (RejectedExecutionException e) {
                job.failed("interrupted by a restart, and the training queue is full");
                journal.record(job);
            }
        }
    }

    /**
     * Turns on automatic training when the configured number of new episodes has been stored.
     * Call before ingestion starts, so that no committed batch is missed; episodes already stored
     * count at once. Does nothing for a domain without a shared policy.
     */
    public void enableAutomaticTraining() {
        int every = training.autoTrainEpisodes();
        if (every <= 0 || !settings.sharedPolicy()) {
            return;
        }
        // After a restart, episodes the registered versions were already trained on are not new.
        episodesAtLastAutoTraining.set(episodesTrainedOn(serving.versions(settings.model())));
        ingestion.onEpisodesStored(this::episodesStored);
        ingestion.storeStatistics().ifPresent(stored -> episodesStored(stored.completeEpisodes()));
    }

    private void episodesStored(long complete) {
        long last = episodesAtLastAutoTraining.get();
        if (complete - last >= training.autoTrainEpisodes() && episodesAtLastAutoTraining.compareAndSet(last, complete)) {
            Log.infof("%d complete episodes stored (%d new): starting %s", complete, complete - last,
                    settings.autoAlgorithms());
            for (Algorithm algorithm : settings.autoAlgorithms()) {
                try {
                    submit(TrainingRequest.of(algorithm), "automatic");
                } catch (QueueFullException e) {
                    Log.warnf("automatic %s training skipped: %s", algorithm.id(), e.getMessage());
                }
            }
        }
    }

    /** The most episodes any registered version was trained on (its card's {@code episodesUsed}); 0 if none. */
    static long episodesTrainedOn(List<RegistryEntry> versions) {
        return versions.stream().flatMap(entry -> entry.card().stream())
                .map(card -> card.data().get(EPISODES_USED)).filter(Number.class::isInstance)
                .mapToLong(n -> ((Number) n).longValue()).max().orElse(0);
    }

    /**
     * Queues a job.
     *
     * @throws InvalidRequestException when the domain does not offer the algorithm
     * @throws QueueFullException when the queue is full
     * @throws ConflictException on a serving-only replica
     * @throws NoSharedPolicyException for a domain without a shared policy
     */
    public TrainingJob submit(TrainingRequest request, String trigger) {
        List<Algorithm> algorithms = offeredAlgorithms();
        if (!settings.trains()) {
            throw new ConflictException("this replica does not train (" + NOT_TRAINING + "); train on the training"
                    + " replica");
        }
        if (!algorithms.contains(request.algorithm())) {
            throw new InvalidRequestException("algorithm", "expected one of "
                    + algorithms.stream().map(Algorithm::id).toList() + ", found '" + request.algorithm().id() + "'"
                    + (request.algorithm().metaMethod().isPresent() ? " (this domain has no meta-learning recipe)" : ""));
        }
        TrainingJob job = new TrainingJob("job-" + nextId.getAndIncrement(), request, trigger);
        synchronized (jobs) {
            try {
                worker.execute(() -> run(job));
            } catch (RejectedExecutionException e) {
                throw new QueueFullException(worker.isShutdown() ? "the service is shutting down"
                        : "the training queue holds " + training.maxQueuedJobs() + " jobs; wait for one to finish");
            }
            jobs.put(job.id(), job);
            journal.record(job);
            if (jobs.size() > KEPT_JOBS) {
                jobs.values().stream().filter(TrainingJob::finished).findFirst().ifPresent(old -> {
                    jobs.remove(old.id());
                    journal.forget(old.id());
                });
            }
        }
        return job;
    }

    /** The domain's recipes' algorithms, then the meta-learners when the domain has a meta-learning recipe. */
    public List<Algorithm> offeredAlgorithms() {
        List<Algorithm> offered = new ArrayList<>(settings.recipes().algorithms());
        if (domain.metaLearning().isPresent()) {
            Arrays.stream(Algorithm.values()).filter(a -> a.metaMethod().isPresent()).forEach(offered::add);
        }
        return offered;
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

    /** The configured evaluation protocol; 404 {@code no-shared-policy} without a shared policy. */
    public EvaluationProtocol protocol() {
        return settings.evaluation().protocol(training.evaluationSeed(), training.evaluationEpisodes(),
                settings.evaluationExpert());
    }

    private RolloutCollector collector() {
        return new RolloutCollector(training.threads(), settings.evaluation().maxEpisodeSteps());
    }

    private void run(TrainingJob job) {
        if (shuttingDown) {
            return; // still queued in the journal: it runs after the restart
        }
        if (job.cancelRequested()) {
            job.failed("cancelled before it started");
            journal.record(job);
            return;
        }
        job.started();
        journal.record(job);
        try {
            train(job);
        } finally {
            if (job.finished()) {
                journal.record(job);
                journal.deleteCheckpoint(job.id());
            }
        }
    }

    private void train(TrainingJob job) {
        TrainingRequest request = job.request();
        DomainEvaluation evaluation = settings.evaluation();
        try (RolloutCollector collector = collector()) {
            StoreQuery query = StoreQuery.all().withDomain(domain.name());
            if (request.sources() != null && !request.sources().isEmpty()) {
                query = query.withSources(new TreeSet<>(request.sources()));
            }
            StoredDemonstrations stored = ingestion.read(query);
            if (stored.episodes() == 0) {
                throw new ConflictException("the store holds no complete episodes" + (query.sources().isEmpty() ? ""
                        : " of sources " + query.sources()) + "; publish demonstrations first");
            }
            int[] chosen = chooseEpisodes(job, request, stored.episodeIds(), evaluation);
            if (chosen.length == 0) {
                throw new ConflictException("every one of the " + stored.episodes() + " complete episodes in the store is"
                        + " held out for evaluation; publish demonstrations to train on");
            }
            DemonstrationSet raw = chosen.length == stored.episodes() ? stored.demonstrations()
                    : stored.demonstrations().selectEpisodes(chosen);
            List<EpisodeId> used = new ArrayList<>(chosen.length);
            for (int i : chosen) {
                used.add(stored.episodeIds().get(i));
            }
            job.data(used, raw.size());
            journal.record(job); // a resumed run must read these same episodes
            Map<String, Object> provenance = new LinkedHashMap<>(stored.provenanceForModelCard());
            provenance.put(EPISODES_USED, raw.episodeCount());
            provenance.put("samplesUsed", raw.size());
            provenance.put(PolicyServing.ENCODER_KEY, domain.encoder().id());

            long seed = request.seed() == null ? 1 : request.seed();
            if (request.algorithm().metaMethod().isPresent()) {
                trainMetaModel(job, stored, chosen, provenance, seed);
                return;
            }
            int iterations = request.iterations() != null ? request.iterations() : settings.iterations(request.algorithm());
            EvaluationProtocol protocol = protocol();
            TrainingOptions options = TrainingOptions.listener(p -> {
                job.progress(p.iteration(), p.maxIterations(), p.metrics(), p.elapsedSeconds());
                live.put("iteration", (double) p.iteration());
                p.metrics().forEach((k, v) -> live.computeIfPresent(k, (key, old) -> v));
            }).withStopSignal(() -> job.cancelRequested() || shuttingDown);
            // BC and other non-iterative recipes checkpoint by epoch.
            options = options.withCheckpointing(journal.checkpointDirectory(job.id()),
                    iterations > 0 ? Math.max(1, iterations / CHECKPOINTS_PER_RUN) : EPOCHS_PER_CHECKPOINT);
            if (iterations > 0) {
                EvaluationProtocol progress = evaluation.protocol(protocol.firstSeed(),
                        Math.min(PROGRESS_EVALUATION_EPISODES, protocol.episodes()), protocol.expert());
                Optional<Evaluator> evaluator = evaluation.progressEvaluator(progress, collector);
                if (evaluator.isPresent()) {
                    options = options.withEvaluation(evaluator.get(), Math.max(1, iterations / 15));
                }
            }
            ImitationTask task = settings.recipes().task(raw);
            TrainingOutcome outcome = settings.recipes().trainer(request.algorithm(), seed, training.threads(), iterations)
                    .train(task, options);

            profile(task.demonstrations()).ifPresent(p -> provenance.put(PolicyServing.PROFILE_KEY, p.toMap()));
            EvaluationSummary summary = new EvaluationSummary(protocol, evaluation.evaluate(outcome.policy(), protocol,
                    collector));
            ModelCard draft = ModelCard.draft(settings.model(), outcome, "kafka:" + settings.topic(), task.demonstrations(),
                    null).withDataProvenance(provenance);
            ModelCard card = serving.register(outcome.policy(), new ModelCard(draft.model(), draft.version(),
                    draft.algorithm(), draft.policyType(), draft.observationSpace(), draft.actionSpace(), draft.config(),
                    draft.data(), draft.training(), draft.metrics(), summary.toCard(), draft.libraryVersion(),
                    draft.createdAt(), draft.weightsSha256()));
            PromotionJudge.Verdict verdict = shouldPromote(request.promote() != null ? request.promote()
                    : settings.promotion(), summary, collector);
            if (verdict.promote()) {
                serving.promote(card.model(), card.version());
            }
            Double primary = summary.metrics().get(evaluation.primaryMetric());
            live.put("eval_normalized_return", primary == null ? Double.NaN : primary);
            job.succeeded(card.version(), summary, verdict.promote(), verdict.reasons());
            Log.infof("%s: registered %s v%d, %s%s (%s)", job.id(), card.model(), card.version(), summary.metrics(),
                    verdict.promote() ? ", promoted" : "", String.join("; ", verdict.reasons()));
        } catch (RuntimeException e) {
            if (shuttingDown && !job.cancelRequested()) {
                Log.infof("%s stopped by the shutdown (%s); it resumes from its checkpoint at the next start", job.id(),
                        e.getMessage());
                return; // the journal still says running
            }
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            if (e instanceof TrainingStoppedException || e instanceof ConflictException) {
                job.failed(reason);
                return;
            }
            if (job.cancelRequested()) {
                Log.infof("%s cancelled (%s)", job.id(), reason); // e.g. rollouts interrupted by the cancel
            } else {
                Log.errorf(e, "%s failed", job.id());
            }
            job.failed(reason);
        }
    }

    /**
     * A meta-learning job: the chosen episodes grouped by person (the recipe's subject), each person
     * with enough samples a task, meta-trained with the recipe's settings; the initialisation is
     * registered and served as the domain's meta-model ({@link MetaModels#metaModel}), which
     * adaptations start from. The shared policy is not touched.
     */
    private void trainMetaModel(TrainingJob job, StoredDemonstrations stored, int[] chosen, Map<String, Object> provenance,
            long seed) {
        TrainingRequest request = job.request();
        MetaLearningRecipe recipe = domain.metaLearning().orElseThrow();
        Map<String, List<Integer>> bySubject = new TreeMap<>();
        for (int i : chosen) {
            bySubject.computeIfAbsent(recipe.subjectOf(stored.episodeIds().get(i)), s -> new ArrayList<>()).add(i);
        }
        Map<String, DemonstrationSet> tasks = new LinkedHashMap<>();
        DemonstrationSet pooled = null;
        for (Map.Entry<String, List<Integer>> subject : bySubject.entrySet()) {
            DemonstrationSet raw = stored.demonstrations().selectEpisodes(subject.getValue().stream().mapToInt(i -> i).toArray());
            DemonstrationSet features = settings.recipes().task(raw).demonstrations();
            if (features.size() >= recipe.minimumSamplesPerSubject()) {
                tasks.put(subject.getKey(), features);
                pooled = pooled == null ? features : pooled.append(features);
            }
        }
        if (tasks.size() < 2) {
            throw new ConflictException("meta-learning needs at least 2 " + recipe.subject() + "s with "
                    + recipe.minimumSamplesPerSubject() + " or more stored samples each; the store holds " + tasks.size()
                    + " of the " + bySubject.size() + " " + recipe.subject() + "s it has");
        }
        MetaConfig config = recipe.config(seed, training.threads(),
                request.iterations() != null ? request.iterations() : settings.iterations(request.algorithm()))
                .toBuilder().method(request.algorithm().metaMethod().orElseThrow()).build();
        TrainingOptions options = TrainingOptions.listener(p -> job.progress(p.iteration(), p.maxIterations(), p.metrics(),
                p.elapsedSeconds()))
                .withStopSignal(() -> job.cancelRequested() || shuttingDown)
                .withCheckpointing(journal.checkpointDirectory(job.id()), Math.max(1, config.iterations() / CHECKPOINTS_PER_RUN));
        TrainingOutcome outcome = new MetaImitationTrainer(config)
                .train(ImitationTask.ofTasks(PerTaskDemonstrations.of(tasks)), options);
        provenance.put(MetaModels.SUBJECTS_USED, tasks.size());
        provenance.put("subject", recipe.subject());
        profile(pooled).ifPresent(p -> provenance.put(PolicyServing.PROFILE_KEY, p.toMap()));
        String model = MetaModels.metaModel(settings.model());
        ModelCard card = serving.register(outcome.policy(), ModelCard.draft(model, outcome, "kafka:" + settings.topic(), pooled,
                null).withDataProvenance(provenance));
        serving.promote(model, card.version());
        job.succeeded(card.version(), null, true, List.of("a meta-model is served as the starting point of adaptations, "
                + "never as the shared policy"));
        Log.infof("%s: registered and serving meta-model %s v%d from %d %ss, %s", job.id(), model, card.version(),
                tasks.size(), recipe.subject(), outcome.metrics());
    }

    /**
     * Which of the stored episodes a job trains on, in store order: those an interrupted run had
     * started on (all of them must still be there, or its checkpoint would not fit), else the first
     * {@code maxEpisodes} (or all) of those the domain does not hold out for evaluation.
     */
    private static int[] chooseEpisodes(TrainingJob job, TrainingRequest request, List<EpisodeId> stored,
            DomainEvaluation evaluation) {
        List<EpisodeId> pinned = job.episodes();
        if (pinned != null) {
            Set<EpisodeId> wanted = new HashSet<>(pinned);
            int[] chosen = IntStream.range(0, stored.size()).filter(i -> wanted.contains(stored.get(i))).toArray();
            if (chosen.length != wanted.size()) {
                throw new ConflictException("of the " + wanted.size() + " episodes this job had started on before the"
                        + " restart, " + (wanted.size() - chosen.length) + " are no longer in the store; submit it again");
            }
            return chosen;
        }
        int[] trainable = IntStream.range(0, stored.size()).filter(i -> !evaluation.heldOut(stored.get(i))).toArray();
        int count = request.maxEpisodes() == null ? trainable.length : Math.min(request.maxEpisodes(), trainable.length);
        return Arrays.copyOf(trainable, count);
    }

    /**
     * The promotion rule. "If better" measures the served version and every version still in the
     * promotion history under the candidate's protocol: from their cards when they were evaluated
     * under it, else by evaluating them again now.
     */
    private PromotionJudge.Verdict shouldPromote(PromotionRule rule, EvaluationSummary candidate, RolloutCollector collector) {
        return switch (rule) {
            case ALWAYS -> new PromotionJudge.Verdict(true, List.of("rule: always"));
            case MANUAL -> new PromotionJudge.Verdict(false, List.of("rule: manual"));
            case IF_BETTER -> {
                Optional<ServedPolicy> current = serving.served(settings.model());
                if (current.isEmpty()) {
                    yield new PromotionJudge.Verdict(true, List.of("no version is served"));
                }
                Map<String, Double> served = metricsUnder(candidate.protocol(), current.get().card(), collector);
                List<Map<String, Double>> history = new ArrayList<>();
                for (int version : serving.promotionStack(settings.model())) {
                    if (version != current.get().version()) {
                        serving.versions(settings.model()).stream()
                                .filter(e -> e.version() == version && e.card().isPresent()).findFirst()
                                .ifPresent(e -> history.add(metricsUnder(candidate.protocol(), e.card().get(), collector)));
                    }
                }
                yield PromotionJudge.judge(settings.evaluation().metrics(), settings.evaluation().primaryMetric(),
                        candidate.metrics(), served, history);
            }
        };
    }

    private Map<String, Double> metricsUnder(EvaluationProtocol protocol, ModelCard card, RolloutCollector collector) {
        Optional<EvaluationSummary> stored = EvaluationSummary.of(card);
        if (stored.isPresent() && stored.get().protocol().equals(protocol)) {
            return stored.get().metrics();
        }
        try {
            ServedPolicy policy = serving.check(card.model(), card.version());
            Log.infof("re-evaluating %s v%d under the candidate's protocol %s", card.model(), card.version(), protocol);
            return settings.evaluation().evaluate(policy.policy(), protocol, collector);
        } catch (RuntimeException unusable) {
            Log.warnf("%s v%d cannot be re-evaluated (%s); it does not count in the comparison", card.model(),
                    card.version(), unusable.getMessage());
            return Map.of();
        }
    }

    /**
     * The evaluation table, rebuilt only after the registry changed. Baselines are computed once,
     * by the first caller, while concurrent callers wait for that one computation. 404
     * {@code no-shared-policy} without a shared policy.
     */
    public EvaluationTable evaluationTable() {
        EvaluationTable t = table;
        if (t == null) {
            List<EvaluationTable.Row> rows = new ArrayList<>();
            for (RegistryEntry entry : serving.versions(settings.model())) {
                Optional<EvaluationSummary> summary = entry.card().flatMap(EvaluationSummary::of);
                rows.add(0, new EvaluationTable.Row(entry.version(), entry.promoted(),
                        entry.card().map(ModelCard::algorithm).orElse(null),
                        entry.card().map(ModelCard::createdAt).orElse(null),
                        entry.card().map(c -> c.data().get(EPISODES_USED)).filter(Number.class::isInstance)
                                .map(n -> ((Number) n).intValue()).orElse(null),
                        summary.map(EvaluationSummary::protocol).orElse(null),
                        summary.map(EvaluationSummary::metrics).orElse(Map.of()), entry.problem().orElse(null)));
            }
            t = new EvaluationTable(settings.evaluation().metrics(), protocol(), baselines(), List.copyOf(rows));
            table = t;
        }
        return t;
    }

    /** The expert and random rows under the configured protocol, computed once. */
    public List<Baseline> baselines() {
        List<Baseline> b = baselines;
        if (b == null) {
            synchronized (baselineLock) {
                b = baselines;
                if (b == null) {
                    try (RolloutCollector collector = collector()) {
                        b = List.copyOf(settings.evaluation().baselines(protocol(), collector));
                    }
                    baselines = b;
                }
            }
        }
        return b;
    }

    /**
     * Stops the worker: the running job saves a checkpoint and stops at its next iteration
     * boundary, given {@link #GRACEFUL_STOP}; a job still busy then (a long evaluation, say) is
     * interrupted. It and the queued jobs stay in the journal and run after the next start.
     */
    public void stop() {
        // The gauges read this instance; a registry that outlives it (tests, dev mode) must not keep them.
        gauges.forEach(metrics::remove);
        shuttingDown = true;
        worker.shutdown(); // no interrupt yet: it would break the checkpoint being written
        try {
            if (!worker.awaitTermination(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
                worker.awaitTermination(4, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The training states' profile, when there are enough states to estimate one (twice the feature count). */
    private static Optional<StateProfile> profile(DemonstrationSet features) {
        if (features.size() < 2 * features.stateWidth()) {
            return Optional.empty();
        }
        return Optional.of(StateProfile.fit(features, PROFILE_QUANTILE));
    }
}

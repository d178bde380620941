package dev.apprentice.starcraft.training;

import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.store.EpisodeId;
import dev.apprentice.service.domain.Baseline;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.EvaluationProtocol;
import dev.apprentice.service.domain.MetricSpec;
import dev.apprentice.service.domain.MetricSpec.Direction;
import dev.apprentice.service.error.UnavailableException;
import dev.apprentice.starcraft.demonstration.PlayerDemonstrations;
import dev.apprentice.starcraft.demonstration.ReplayIds;
import dev.apprentice.starcraft.demonstration.ReplayReader;
import dev.apprentice.starcraft.demonstration.ReplayReader.DecodedReplay;
import dev.apprentice.starcraft.training.ProductionEvaluation.Accuracy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Next-production evaluation on held-out replays: the held-out share of the reference corpus (chosen by
 * replay id, {@link ReplayIds#heldOut}) scores a policy's top-1 and top-5 accuracy on every production of
 * the people in those games; the corpus's other replays fit the baselines (most frequent production per
 * race, a Markov model on the previous production). The same id rule keeps every held-out replay, wherever
 * it was uploaded, out of training ({@link #heldOut}), so the evaluation never sees a trained-on game.
 */
public final class HeldOutReplays implements DomainEvaluation {

    /** Bump when a metric changes meaning. */
    static final String VERSION = "starcraft-held-out-replays-v1";
    /** The protocol's expert: the people who played the held-out replays. */
    public static final String EXPERT = "replays";

    private static final List<MetricSpec> METRICS = List.of(
            MetricSpec.of("top1", "top-1", "%", 1, Direction.HIGHER_IS_BETTER),
            MetricSpec.of("top5", "top-5", "%", 1, Direction.HIGHER_IS_BETTER),
            MetricSpec.of("decisions", "productions scored", null, 0, Direction.NEUTRAL));

    private final ReplayReader reader;
    private final Optional<Path> corpus;
    private final double share;
    private volatile Split split;

    /** The corpus read once: held-out people's games, the training replays and their players. */
    private record Split(List<PlayerDemonstrations> heldOut, List<DecodedReplay> trainingReplays,
            List<PlayerDemonstrations> training, int heldOutReplays) {
    }

    /**
     * @param reader the replay reader
     * @param corpus the reference replays, or empty (evaluation then answers 503)
     * @param share  the held-out share of replays
     */
    public HeldOutReplays(ReplayReader reader, Optional<Path> corpus, double share) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("apprentice.starcraft.held-out-share: expected a share in (0, 1), found "
                    + share);
        }
        this.reader = reader;
        this.corpus = corpus;
        this.share = share;
    }

    /** Whether a replay with this id is held out for evaluation. */
    public boolean heldOutReplay(String replayId) {
        return ReplayIds.heldOut(replayId, share);
    }

    @Override
    public List<MetricSpec> metrics() {
        return METRICS;
    }

    @Override
    public String primaryMetric() {
        return "top1";
    }

    /**
     * The one protocol this domain has: the corpus's held-out replays (their number is the episode count; seeds
     * do not apply to recorded games, so the seed is always 0).
     */
    @Override
    public EvaluationProtocol protocol(long firstSeed, int episodes, String expert) {
        return new EvaluationProtocol(0, Math.max(1, corpus.isPresent() && reader.available()
                ? split().heldOutReplays() : 1), EXPERT, VERSION);
    }

    @Override
    public int maxEpisodeSteps() {
        return 1;
    }

    /** @throws UnavailableException without a corpus, protocol tables or held-out replays */
    @Override
    public Map<String, Double> evaluate(Policy policy, EvaluationProtocol protocol, RolloutCollector collector) {
        Split s = requireSplit();
        return metrics(ProductionEvaluation.score(s.heldOut(), List.of(ProductionEvaluation.fromPolicy("policy", policy)))
                .get("policy"));
    }

    /** The baselines fitted on the corpus's training replays, and chance; none without a corpus. */
    @Override
    public List<Baseline> baselines(EvaluationProtocol protocol, RolloutCollector collector) {
        if (corpus.isEmpty() || !reader.available()) {
            return List.of();
        }
        Split s = split();
        if (s.heldOut().isEmpty() || s.training().isEmpty()) {
            return List.of();
        }
        Map<String, Accuracy> scored = ProductionEvaluation.score(s.heldOut(), List.of(
                ProductionBaselines.markov(s.training()), ProductionBaselines.mostFrequent(s.training()),
                ProductionEvaluation.random(1)));
        List<Baseline> rows = new ArrayList<>();
        scored.forEach((name, accuracy) -> rows.add(new Baseline(name, metrics(accuracy))));
        return rows;
    }

    /** Held out: a game of a replay whose id falls in the held-out share (episode {@code <replay id>/p<player>}). */
    @Override
    public boolean heldOut(EpisodeId episode) {
        String name = episode.episode();
        int slash = name.indexOf('/');
        String id = slash < 0 ? name : name.substring(0, slash);
        return id.length() == ReplayIds.LENGTH && id.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                && heldOutReplay(id);
    }

    @Override
    public Optional<Evaluator> progressEvaluator(EvaluationProtocol protocol, RolloutCollector collector) {
        return Optional.empty();
    }

    /** The held-out people's games of the corpus (empty without one). */
    public List<PlayerDemonstrations> heldOutGames() {
        return corpus.isPresent() && reader.available() ? split().heldOut() : List.of();
    }

    /** The corpus's training replays, decoded once with the held-out ones (empty without a corpus). */
    public List<DecodedReplay> trainingReplays() {
        if (corpus.isEmpty() || !reader.available()) {
            return List.of();
        }
        return split().trainingReplays();
    }

    private static Map<String, Double> metrics(Accuracy accuracy) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("top1", accuracy.top1Rate());
        m.put("top5", accuracy.top5Rate());
        m.put("decisions", (double) accuracy.decisions());
        return m;
    }

    private Split requireSplit() {
        if (corpus.isEmpty()) {
            throw new UnavailableException("no-held-out-replays", "no held-out replays to evaluate on: set apprentice.starcraft.corpus-directory"
                    + " to a directory of reference replays");
        }
        if (!reader.available()) {
            throw new UnavailableException("no-protocol-tables", "no protocol tables: set apprentice.starcraft.protocol-directory");
        }
        Split s = split();
        if (s.heldOut().isEmpty()) {
            throw new UnavailableException("no-held-out-replays", "none of the replays in " + corpus.get() + " falls in the held-out share "
                    + share + " (or none has a person's productions); add replays or raise"
                    + " apprentice.starcraft.held-out-share");
        }
        return s;
    }

    private Split split() {
        Split s = split;
        if (s == null) {
            synchronized (this) {
                s = split;
                if (s == null) {
                    List<PlayerDemonstrations> heldOut = new ArrayList<>();
                    List<PlayerDemonstrations> training = new ArrayList<>();
                    List<DecodedReplay> trainingReplays = new ArrayList<>();
                    int heldOutReplays = 0;
                    for (DecodedReplay r : reader.readDirectory(corpus.orElseThrow(), new LinkedHashMap<>())) {
                        if (heldOutReplay(r.id())) {
                            heldOutReplays++;
                            r.players().stream().filter(PlayerDemonstrations::human).forEach(heldOut::add);
                        } else {
                            trainingReplays.add(r);
                            training.addAll(r.players());
                        }
                    }
                    s = new Split(List.copyOf(heldOut), List.copyOf(trainingReplays), List.copyOf(training),
                            heldOutReplays);
                    split = s;
                }
            }
        }
        return s;
    }
}

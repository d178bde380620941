package dev.apprentice.il.report;

import dev.apprentice.il.algorithms.ImitationTask;
import dev.apprentice.il.algorithms.TrainingListener;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.env.reference.ReferenceTask;
import dev.apprentice.il.eval.EpisodeStatistics;
import dev.apprentice.il.eval.Evaluator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The table of the GAIL paper (Ho and Ermon 2016, figure 1) for this library: normalised return
 * (0 = uniform random policy, 1 = expert) of each algorithm against the number of expert
 * trajectories it learns from, mean ± standard deviation over seeds, on held-out evaluation
 * episodes. Run {@code seed} uses the expert episodes with seeds {@code 1000·seed + 1 ...}, so
 * larger demonstration sets contain the smaller ones and seeds never overlap evaluation.
 */
public final class ImitationReport {

    /** Evaluation episodes use seeds from here on, disjoint from every demonstration seed. */
    public static final long EVALUATION_SEED_BASE = 1_000_000L;

    /**
     * What to run.
     *
     * @param tasks reference environments
     * @param algorithms names from {@link ReferenceRecipes#ALGORITHMS}
     * @param trajectories demonstration set sizes (expert episodes)
     * @param seeds runs per cell, seeds 1..seeds
     * @param evaluationEpisodes held-out episodes per evaluation
     * @param threads rollout threads
     */
    public record Settings(List<ReferenceTask> tasks, List<String> algorithms, List<Integer> trajectories, int seeds,
            int evaluationEpisodes, int threads) {

        public Settings {
            if (tasks.isEmpty() || algorithms.isEmpty() || trajectories.isEmpty()) {
                throw new IllegalArgumentException("report: expected at least one environment, algorithm and "
                        + "demonstration size");
            }
            for (String a : algorithms) {
                if (!ReferenceRecipes.ALGORITHMS.contains(a)) {
                    throw new IllegalArgumentException("algorithms: expected names from " + ReferenceRecipes.ALGORITHMS
                            + ", found '" + a + "'");
                }
            }
            for (int n : trajectories) {
                if (n < 1) {
                    throw new IllegalArgumentException("trajectories: expected sizes of at least 1, found " + n);
                }
            }
            if (seeds < 1 || evaluationEpisodes < 1 || threads < 1) {
                throw new IllegalArgumentException("report: seeds, evaluation episodes and threads must be at least 1, found "
                        + seeds + ", " + evaluationEpisodes + " and " + threads);
            }
            tasks = List.copyOf(tasks);
            algorithms = List.copyOf(algorithms);
            trajectories = List.copyOf(trajectories);
        }
    }

    /** One cell: an algorithm on a task from {@code trajectories} expert episodes, one value per seed. */
    public record Cell(String task, String algorithm, int trajectories, double[] normalizedReturns, double seconds) {

        public double mean() {
            double sum = 0;
            for (double v : normalizedReturns) {
                sum += v;
            }
            return sum / normalizedReturns.length;
        }

        /** Sample standard deviation (0 for a single seed). */
        public double standardDeviation() {
            if (normalizedReturns.length < 2) {
                return 0;
            }
            double m = mean();
            double sq = 0;
            for (double v : normalizedReturns) {
                sq += (v - m) * (v - m);
            }
            return Math.sqrt(sq / (normalizedReturns.length - 1));
        }
    }

    private final Settings settings;
    private final List<Cell> cells;
    private final Map<String, EpisodeStatistics[]> references;

    private ImitationReport(Settings settings, List<Cell> cells, Map<String, EpisodeStatistics[]> references) {
        this.settings = settings;
        this.cells = List.copyOf(cells);
        this.references = references;
    }

    /**
     * Trains and evaluates every cell.
     *
     * @param log receives a line per finished run
     */
    public static ImitationReport run(Settings settings, Consumer<String> log) {
        List<Cell> cells = new ArrayList<>();
        Map<String, EpisodeStatistics[]> references = new LinkedHashMap<>();
        try (RolloutCollector collector = new RolloutCollector(settings.threads(), Integer.MAX_VALUE)) {
            for (ReferenceTask task : settings.tasks()) {
                Evaluator evaluator = new Evaluator(collector, task.environments(), task.expert(),
                        RolloutCollector.seeds(EVALUATION_SEED_BASE, settings.evaluationEpisodes()));
                references.put(task.id(), new EpisodeStatistics[] {evaluator.expertStatistics(), evaluator.randomStatistics()});
                int most = settings.trajectories().stream().mapToInt(Integer::intValue).max().orElseThrow();
                List<DemonstrationSet> demonstrations = new ArrayList<>();
                for (int seed = 1; seed <= settings.seeds(); seed++) {
                    demonstrations.add(collector.demonstrations(task.environments(), task.expert(),
                            RolloutCollector.seeds(1000L * seed + 1, most)));
                }
                for (String algorithm : settings.algorithms()) {
                    for (int n : settings.trajectories()) {
                        long start = System.nanoTime();
                        double[] values = new double[settings.seeds()];
                        for (int seed = 1; seed <= settings.seeds(); seed++) {
                            DemonstrationSet demos = demonstrations.get(seed - 1).selectEpisodes(firstEpisodes(n));
                            TrainingOutcome outcome = ReferenceRecipes.trainer(algorithm, task, seed, settings.threads())
                                    .train(ImitationTask.of(demos).withEnvironments(task.environments())
                                            .withExpert(task.expert()), TrainingListener.NONE);
                            values[seed - 1] = evaluator.evaluate(algorithm, outcome.policy()).normalizedReturn();
                            log.accept(String.format(Locale.ROOT, "%s %s %d trajectories seed %d: %.3f (%.0f s)", task.id(),
                                    algorithm, n, seed, values[seed - 1], outcome.seconds()));
                        }
                        cells.add(new Cell(task.id(), algorithm, n, values, (System.nanoTime() - start) / 1e9));
                    }
                }
            }
        }
        return new ImitationReport(settings, cells, references);
    }

    private static int[] firstEpisodes(int n) {
        int[] episodes = new int[n];
        for (int i = 0; i < n; i++) {
            episodes[i] = i;
        }
        return episodes;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** A Markdown table per environment: one row per algorithm, one column per demonstration size. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        for (ReferenceTask task : settings.tasks()) {
            EpisodeStatistics[] ref = references.get(task.id());
            sb.append(String.format(Locale.ROOT, "%s (expert return %.1f, random %.1f; normalised return, mean ± sd over %d seeds, %d held-out episodes)%n%n",
                    task.id(), ref[0].meanReturn(), ref[1].meanReturn(), settings.seeds(), settings.evaluationEpisodes()));
            sb.append("| algorithm |");
            settings.trajectories().forEach(n -> sb.append(' ').append(n).append(n == 1 ? " trajectory |" : " trajectories |"));
            sb.append("\n|---|");
            settings.trajectories().forEach(n -> sb.append("---|"));
            sb.append('\n');
            for (String algorithm : settings.algorithms()) {
                sb.append("| ").append(algorithm).append(" |");
                for (int n : settings.trajectories()) {
                    Cell c = cell(task.id(), algorithm, n);
                    sb.append(String.format(Locale.ROOT, " %.2f ± %.2f |", c.mean(), c.standardDeviation()));
                }
                sb.append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The report as JSON-friendly maps: settings, reference returns and every per-seed value. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trajectories", settings.trajectories());
        m.put("seeds", settings.seeds());
        m.put("evaluationEpisodes", settings.evaluationEpisodes());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Cell c : cells) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("environment", c.task());
            row.put("algorithm", c.algorithm());
            row.put("trajectories", c.trajectories());
            row.put("mean", c.mean());
            row.put("sd", c.standardDeviation());
            row.put("values", c.normalizedReturns());
            row.put("seconds", c.seconds());
            rows.add(row);
        }
        m.put("cells", rows);
        return m;
    }

    private Cell cell(String task, String algorithm, int n) {
        return cells.stream().filter(c -> c.task().equals(task) && c.algorithm().equals(algorithm) && c.trajectories() == n)
                .findFirst().orElseThrow();
    }
}

package dev.apprentice.lanechange.training;

import dev.apprentice.il.algorithms.TrainingOptions;
import dev.apprentice.il.algorithms.TrainingOutcome;
import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.env.RolloutCollector;
import dev.apprentice.il.eval.EvaluationResult;
import dev.apprentice.il.eval.Evaluator;
import dev.apprentice.il.eval.Spread;
import dev.apprentice.il.policy.UniformRandomActor;
import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.lanechange.sim.DriverStyle;
import dev.apprentice.service.domain.Algorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The lane-change report: for several numbers of expert episodes, BC, GAIL and RAIL against the
 * expert on held-out seeds, with the RAIL paper's metrics (normalised return, collision rate,
 * mean speed, lane changes per km) as mean ± sd over training seeds. Run with
 * {@code ./apprentice lane-change report [--episodes 1,5,10,25] [--seeds 5] [--algorithms bc,gail,rail]
 * [--evaluation-episodes 100] [--style normal]}; prints a Markdown table.
 */
public final class LaneChangeReport {

    /** Seed of the first evaluation episode; demonstrations use seeds from 0. */
    static final long EVALUATION_SEED = 1_000_000L;

    private LaneChangeReport() {
    }

    /** One cell: an algorithm trained on a number of episodes, over several seeds. */
    record Cell(String algorithm, int episodes, double[] normalized, double[] collisions, double[] speed,
            double[] laneChanges, double seconds) {
    }

    public static void main(String[] args) {
        int[] episodeCounts = {1, 5, 10, 25};
        int seeds = 5;
        List<Algorithm> algorithms = LaneChangeImitation.ALGORITHMS;
        int evaluationEpisodes = 100;
        DriverStyle style = DriverStyle.NORMAL;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--episodes" -> episodeCounts = Arrays.stream(require(value, "--episodes").split(","))
                        .mapToInt(Integer::parseInt).toArray();
                case "--seeds" -> seeds = Integer.parseInt(require(value, "--seeds"));
                case "--algorithms" -> algorithms = Arrays.stream(require(value, "--algorithms").split(","))
                        .map(id -> Algorithm.byId(id).filter(LaneChangeImitation.ALGORITHMS::contains).orElseThrow(() ->
                                new IllegalArgumentException("--algorithms: expected some of bc,gail,rail, found '" + id + "'")))
                        .toList();
                case "--evaluation-episodes" -> evaluationEpisodes = Integer.parseInt(require(value, "--evaluation-episodes"));
                case "--style" -> style = DriverStyle.byName(require(value, "--style"));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; options: --episodes 1,5,10,25"
                        + " --seeds 5 --algorithms bc,gail,rail --evaluation-episodes 100 --style normal");
            }
            i++;
        }
        System.out.println(run(episodeCounts, seeds, algorithms, evaluationEpisodes, style));
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + ": expected a value");
        }
        return value;
    }

    /** Runs the whole grid and returns the Markdown table. */
    public static String run(int[] episodeCounts, int seeds, List<Algorithm> algorithms, int evaluationEpisodes,
            DriverStyle style) {
        LaneChangeImitation imitation = new LaneChangeImitation();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        long[] evalSeeds = RolloutCollector.seeds(EVALUATION_SEED, evaluationEpisodes);
        int maxEpisodes = Arrays.stream(episodeCounts).max().orElse(1);
        List<Cell> cells = new ArrayList<>();
        DrivingMetrics expertDriving;
        DrivingMetrics randomDriving;
        try (RolloutCollector collector = new RolloutCollector(threads, imitation.road().episodeDecisions())) {
            Evaluator evaluator = imitation.evaluator(collector, style, evalSeeds);
            expertDriving = DrivingMetrics.measure(imitation.road(), imitation.expert(style), evalSeeds, threads);
            randomDriving = DrivingMetrics.measure(imitation.road(), new UniformRandomActor(LaneChangeDomain.ACTION_SPACE),
                    evalSeeds, threads);
            for (int count : episodeCounts) {
                for (Algorithm algorithm : algorithms) {
                    double[] normalized = new double[seeds];
                    double[] collisions = new double[seeds];
                    double[] speed = new double[seeds];
                    double[] laneChanges = new double[seeds];
                    long start = System.nanoTime();
                    for (int s = 0; s < seeds; s++) {
                        // Each training seed gets its own expert episodes: seeds s·maxEpisodes onwards.
                        DemonstrationSet raw = imitation.expertDemonstrations(collector, style,
                                RolloutCollector.seeds((long) s * maxEpisodes, count));
                        TrainingOutcome outcome = imitation.trainer(algorithm, s + 1, threads, 0)
                                .train(imitation.task(raw), TrainingOptions.listener(p -> { }));
                        EvaluationResult result = evaluator.evaluate(algorithm.id(), outcome.policy());
                        DrivingMetrics driving = DrivingMetrics.measure(imitation.road(), imitation.driver(outcome.policy()),
                                evalSeeds, threads);
                        normalized[s] = result.normalizedReturn();
                        collisions[s] = driving.collisionRate();
                        speed[s] = driving.meanSpeed();
                        laneChanges[s] = driving.laneChangesPerKm();
                    }
                    Cell cell = new Cell(algorithm.id(), count, normalized, collisions, speed, laneChanges,
                            (System.nanoTime() - start) / 1e9);
                    cells.add(cell);
                    System.err.printf(Locale.ROOT, "%-4s %2d episodes: normalised return %s, collisions %s (%.0f s)%n",
                            algorithm.id(), count, Spread.of(normalized).format(3), Spread.of(collisions).format(3),
                            cell.seconds());
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Expert: %s style; %d evaluation episodes (seeds %d…); mean ± sd over %d"
                + " training seeds.%n%n", style.name(), evaluationEpisodes, EVALUATION_SEED, seeds));
        md.append("| episodes | policy | normalised return | collision rate | mean speed (m/s) | lane changes / km |\n");
        md.append("|---:|---|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| – | expert | 1 | %.3f | %.2f | %.2f |%n", expertDriving.collisionRate(),
                expertDriving.meanSpeed(), expertDriving.laneChangesPerKm()));
        md.append(String.format(Locale.ROOT, "| – | random | 0 | %.3f | %.2f | %.2f |%n", randomDriving.collisionRate(),
                randomDriving.meanSpeed(), randomDriving.laneChangesPerKm()));
        for (Cell c : cells) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |%n", c.episodes(), c.algorithm(),
                    Spread.of(c.normalized()).format(3), Spread.of(c.collisions()).format(3), Spread.of(c.speed()).format(2),
                    Spread.of(c.laneChanges()).format(2)));
        }
        return md.toString();
    }
}

package dev.apprentice.lanechange.training;

import dev.apprentice.il.eval.Spread;
import dev.apprentice.lanechange.sim.DriverPopulation;
import dev.apprentice.lanechange.training.DriverAdaptation.HeldOutDriver;
import dev.apprentice.lanechange.training.DriverAdaptation.Result;
import dev.apprentice.lanechange.training.DriverAdaptation.Settings;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The per-driver adaptation report: runs {@link DriverAdaptation} and prints a Markdown table of
 * action agreement and style errors per policy, mean ± sd over the held-out drivers. Run with
 * {@code ./apprentice lane-change drivers [--training-drivers 32] [--episodes 5] [--held-out 16]
 * [--evaluation-episodes 20] [--iterations 0] [--seed 1] [--threads N]}.
 */
public final class DriverAdaptationReport {

    private DriverAdaptationReport() {
    }

    public static void main(String[] args) {
        int training = 32;
        int episodes = 5;
        int heldOut = 16;
        int evaluation = 20;
        int iterations = 0;
        long seed = 1;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + ": expected a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--training-drivers" -> training = Integer.parseInt(value);
                case "--episodes" -> episodes = Integer.parseInt(value);
                case "--held-out" -> heldOut = Integer.parseInt(value);
                case "--evaluation-episodes" -> evaluation = Integer.parseInt(value);
                case "--iterations" -> iterations = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--threads" -> threads = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'; options: --training-drivers 32"
                        + " --episodes 5 --held-out 16 --evaluation-episodes 20 --iterations 0 --seed 1 --threads N");
            }
        }
        long start = System.nanoTime();
        Result result = DriverAdaptation.run(new Settings(training, episodes, heldOut, evaluation, iterations, seed, threads));
        System.out.println(table(result));
        System.out.printf(Locale.ROOT, "%d training samples; BC %.1f s, meta-training %.1f s, adaptation and evaluation"
                + " %.1f s, %.1f s in all on %d threads.%n", result.trainingSamples(), result.bcSeconds(), result.metaSeconds(),
                result.evaluationSeconds(), (System.nanoTime() - start) / 1e9, threads);
    }

    /** The Markdown table: the drivers' own style, then each policy's agreement and errors to the driver. */
    public static String table(Result result) {
        Settings s = result.settings();
        List<HeldOutDriver> drivers = result.drivers();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%d training drivers (driver-0 to driver-%d, %d episodes each), %d held-out"
                + " drivers (driver-%d to driver-%d) adapted on one episode each (seed %d + id) and scored on %d episodes"
                + " (seeds %d…); %s, seed %d. Mean ± sd over the held-out drivers.%n%n", s.trainingDrivers(),
                s.trainingDrivers() - 1, s.episodesPerDriver(), s.heldOutDrivers(),
                DriverPopulation.SIZE - s.heldOutDrivers(), DriverPopulation.SIZE - 1, DriverAdaptation.ADAPTATION_SEED,
                s.evaluationEpisodes(), DriverAdaptation.EVALUATION_SEED, result.metaConfig().method().algorithmName()
                        + " " + result.metaConfig().resultSettings(), s.seed()));
        md.append("| policy | action agreement | drivers agreeing more than general | time headway error (s) |"
                + " lane changes / km error | mean speed error (m/s) | collision rate |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| the driver's own expert | 1 | – | %s (their headway) | %s (their rate) |"
                + " %s (their speed) | %s |%n", spread(drivers, d -> d.expert().meanTimeHeadway(), 2),
                spread(drivers, d -> d.expert().laneChangesPerKm(), 2), spread(drivers, d -> d.expert().meanSpeed(), 2),
                spread(drivers, d -> d.expert().collisionRate(), 3)));
        double[] general = result.agreements(DriverAdaptation.POLICIES.get(0));
        for (String policy : DriverAdaptation.POLICIES) {
            double[] agreement = result.agreements(policy);
            int more = 0;
            for (int i = 0; i < agreement.length; i++) {
                more += agreement[i] > general[i] ? 1 : 0;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", policy, Spread.of(agreement).format(3),
                    policy.equals(DriverAdaptation.POLICIES.get(0)) ? "–" : more + " of " + agreement.length,
                    spread(drivers, d -> error(d, policy, DrivingMetrics::meanTimeHeadway), 2),
                    spread(drivers, d -> error(d, policy, DrivingMetrics::laneChangesPerKm), 2),
                    spread(drivers, d -> error(d, policy, DrivingMetrics::meanSpeed), 2),
                    spread(drivers, d -> d.policies().get(policy).driving().collisionRate(), 3)));
        }
        return md.toString();
    }

    /** How far a policy's driving is from the driver's own on one measure. */
    static double error(HeldOutDriver driver, String policy, ToDoubleFunction<DrivingMetrics> measure) {
        return Math.abs(measure.applyAsDouble(driver.policies().get(policy).driving()) - measure.applyAsDouble(driver.expert()));
    }

    private static String spread(List<HeldOutDriver> drivers, ToDoubleFunction<HeldOutDriver> value, int decimals) {
        return Spread.of(drivers.stream().mapToDouble(value).toArray()).format(decimals);
    }
}

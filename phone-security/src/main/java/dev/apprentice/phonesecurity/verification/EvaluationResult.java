package dev.apprentice.phonesecurity.verification;

import dev.apprentice.il.eval.Spread;
import dev.apprentice.phonesecurity.behaviour.Activity;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What {@link ProtocolEvaluation} measured, as plain values that serialise as they are: per
 * method, feature set and test activity the summaries over seeds and users, and underneath every
 * enrolled user's error rates per seed. Rates are fractions (0.05 = 5 %).
 *
 * @param protocol the protocol followed
 * @param seeds the split seeds
 * @param fusedSamples the window sizes k of {@link Cell#fusedEer()} and {@link UserErrors#fusedEer()}
 * @param cells the cells, by feature set, then test activity, then method in the order asked for
 */
public record EvaluationResult(Protocol protocol, List<Long> seeds, List<Integer> fusedSamples, List<Cell> cells) {

    public EvaluationResult {
        seeds = List.copyOf(seeds);
        fusedSamples = List.copyOf(fusedSamples);
        cells = List.copyOf(cells);
    }

    /**
     * One method on one feature set, verified in one activity.
     *
     * @param method the method's name
     * @param features the feature set it saw
     * @param activity the activity its owners were verified in
     * @param eer the equal error rate on single samples
     * @param farAtFrr1 the FAR when at most 1 % of owner samples are rejected
     * @param farAtFrr5 the FAR when at most 5 % of owner samples are rejected
     * @param frrAtFar1 the FRR when at most 1 % of impostor samples are accepted
     * @param fusedEer the EER on the mean score of k consecutive samples, per {@link #fusedSamples()}
     * @param runs every seed's per-user results
     * @param averagedDet the averaged DET curve: at each FAR of {@link ProtocolEvaluation#DET_FARS}, the
     *     mean over users and seeds of each owner's FRR at that FAR (each owner's own threshold), so
     *     that every owner counts once, as in the EER
     */
    public record Cell(String method, FeatureSet features, Activity activity, Summary eer, Summary farAtFrr1,
            Summary farAtFrr5, Summary frrAtFar1, List<Summary> fusedEer, List<SeedRun> runs,
            List<ErrorRates.DetPoint> averagedDet) {

        public Cell {
            fusedEer = List.copyOf(fusedEer);
            runs = List.copyOf(runs);
            averagedDet = List.copyOf(averagedDet);
        }

        /** The cell summarising {@code runs}, with its averaged DET curve. */
        static Cell of(String method, FeatureSet features, Activity activity, int fusedSizes, List<SeedRun> runs,
                List<ErrorRates.DetPoint> averagedDet) {
            Summary[] fused = new Summary[fusedSizes];
            for (int f = 0; f < fusedSizes; f++) {
                int index = f;
                fused[f] = Summary.of(runs, u -> u.fusedEer().get(index));
            }
            return new Cell(method, features, activity, Summary.of(runs, UserErrors::eer),
                    Summary.of(runs, UserErrors::farAtFrr1), Summary.of(runs, UserErrors::farAtFrr5),
                    Summary.of(runs, UserErrors::frrAtFar1), List.of(fused), runs, averagedDet);
        }
    }

    /**
     * A metric over users and seeds.
     *
     * @param mean the mean over seeds of the mean over users
     * @param seedSd the sample standard deviation of the per-seed means: how much the split matters
     * @param userSd the pooled standard deviation across users within a seed: how much owners differ
     */
    public record Summary(double mean, double seedSd, double userSd) {

        /**
         * The summary of a per-user metric; users for whom it is undefined (NaN, e.g. fewer samples
         * than a fusion window) are left out.
         */
        static Summary of(List<SeedRun> runs, ToDoubleFunction<UserErrors> metric) {
            double[] seedMeans = new double[runs.size()];
            double squares = 0;
            int degrees = 0;
            for (int s = 0; s < seedMeans.length; s++) {
                double[] values = runs.get(s).users().stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).toArray();
                Spread spread = Spread.of(values);
                seedMeans[s] = spread.mean();
                if (values.length > 1) {
                    squares += spread.sd() * spread.sd() * (values.length - 1);
                    degrees += values.length - 1;
                }
            }
            Spread overSeeds = Spread.of(seedMeans);
            return new Summary(overSeeds.mean(), overSeeds.sd(), degrees > 0 ? Math.sqrt(squares / degrees) : 0);
        }
    }

    /**
     * One seed's split, every enrolled user's results.
     *
     * @param seed the split seed
     * @param users per enrolled user, in the split's order
     */
    public record SeedRun(long seed, List<UserErrors> users) {

        public SeedRun {
            users = List.copyOf(users);
        }
    }

    /**
     * One enrolled user's error rates in one split and test activity.
     *
     * @param user the owner
     * @param genuineSamples the owner's verification samples
     * @param impostorSamples the impostor samples scored against the owner
     * @param eer the equal error rate
     * @param farAtFrr1 the FAR at FRR ≤ 1 %
     * @param farAtFrr5 the FAR at FRR ≤ 5 %
     * @param frrAtFar1 the FRR at FAR ≤ 1 %
     * @param fusedEer the EER of k-sample windows per {@link EvaluationResult#fusedSamples()}; NaN
     *     where the owner's or every impostor's sequence is shorter than k
     */
    public record UserErrors(String user, int genuineSamples, int impostorSamples, double eer, double farAtFrr1,
            double farAtFrr5, double frrAtFar1, List<Double> fusedEer) {

        public UserErrors {
            fusedEer = List.copyOf(fusedEer);
        }
    }
}

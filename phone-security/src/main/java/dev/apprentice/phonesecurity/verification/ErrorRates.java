package dev.apprentice.phonesecurity.verification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How often a scorer errs on one owner, at every threshold at once: the false accept rate (FAR,
 * impostor samples accepted) and false reject rate (FRR, owner samples rejected) when samples
 * scoring at least t are accepted, for every t that changes a decision.
 *
 * <p>The operating points are taken at each distinct score (ties are accepted or rejected
 * together, so tied scores are never split) plus the point that accepts nothing; FAR falls and FRR
 * rises from the first (FAR 1, FRR 0) to the last (FAR 0, FRR 1). Built in O(n log n).
 *
 * <pre>{@code
 * ErrorRates rates = ErrorRates.of(ownerScores, impostorScores);
 * double eer = rates.equalErrorRate();
 * }</pre>
 */
public final class ErrorRates {

    private final double[] far;
    private final double[] frr;

    private ErrorRates(double[] far, double[] frr) {
        this.far = far;
        this.frr = frr;
    }

    /**
     * The error rates of owner ({@code genuine}) and impostor scores, higher = more owner-like.
     *
     * @throws IllegalArgumentException for no scores on either side or a NaN score
     */
    public static ErrorRates of(double[] genuine, double[] impostor) {
        double[] g = sortedScores(genuine, "genuine");
        double[] i = sortedScores(impostor, "impostor");
        double[] far = new double[g.length + i.length + 1];
        double[] frr = new double[far.length];
        int points = 0;
        int rejectedGenuine = 0;
        int rejectedImpostors = 0;
        while (rejectedGenuine < g.length || rejectedImpostors < i.length) {
            double t = Math.min(rejectedGenuine < g.length ? g[rejectedGenuine] : Double.POSITIVE_INFINITY,
                    rejectedImpostors < i.length ? i[rejectedImpostors] : Double.POSITIVE_INFINITY);
            far[points] = (double) (i.length - rejectedImpostors) / i.length;
            frr[points] = (double) rejectedGenuine / g.length;
            points++;
            while (rejectedGenuine < g.length && g[rejectedGenuine] == t) {
                rejectedGenuine++;
            }
            while (rejectedImpostors < i.length && i[rejectedImpostors] == t) {
                rejectedImpostors++;
            }
        }
        far[points] = 0;
        frr[points] = 1;
        points++;
        return new ErrorRates(Arrays.copyOf(far, points), Arrays.copyOf(frr, points));
    }

    private static double[] sortedScores(double[] scores, String side) {
        if (scores.length == 0) {
            throw new IllegalArgumentException(side + " scores: expected at least one, found none");
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException(side + " scores: expected numbers, found NaN");
        }
        return sorted;
    }

    /**
     * The equal error rate: where the FAR and FRR curves cross. Between the last operating point
     * with FAR &gt; FRR and the next one (FAR ≤ FRR) the curve is taken as the straight line between
     * the two points, and the EER is the rate where that line meets FAR = FRR. When no owner score
     * ties an impostor score, only one rate changes between neighbouring points, so this equals the
     * common "min over thresholds of max(FAR, FRR)"; when a tie moves both rates at once it is the
     * rate a threshold drawn at random between the two points would give on average (owner {2, 4},
     * impostors {1, 2}: 0.25, where min-max says 0.5).
     */
    public double equalErrorRate() {
        int p = 0;
        while (far[p] > frr[p]) {
            p++;
        }
        if (far[p] == frr[p]) {
            return far[p];
        }
        double before = far[p - 1] - frr[p - 1];
        double after = far[p] - frr[p];
        double fraction = before / (before - after);
        return far[p - 1] + fraction * (far[p] - far[p - 1]);
    }

    /**
     * The lowest FAR among thresholds whose FRR is at most {@code targetFrr}: the impostor
     * acceptance one pays for rejecting the owner that rarely. No interpolation: only thresholds
     * that exist count.
     */
    public double farAtFrr(double targetFrr) {
        checkRate(targetFrr, "FRR");
        int p = 0;
        while (p + 1 < frr.length && frr[p + 1] <= targetFrr) {
            p++;
        }
        return far[p];
    }

    /**
     * The lowest FRR among thresholds whose FAR is at most {@code targetFar}: how often the owner
     * is rejected when impostors get in that rarely. No interpolation.
     */
    public double frrAtFar(double targetFar) {
        checkRate(targetFar, "FAR");
        int p = 0;
        while (far[p] > targetFar) {
            p++;
        }
        return frr[p];
    }

    /**
     * The detection error trade-off curve for plotting: the (FAR, FRR) operating points in
     * threshold order, the first and last always included, evenly thinned by index to at most
     * {@code maxPoints}.
     */
    public List<DetPoint> detCurve(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints: expected at least 2, found " + maxPoints);
        }
        int n = far.length;
        int kept = Math.min(n, maxPoints);
        List<DetPoint> curve = new ArrayList<>(kept);
        for (int k = 0; k < kept; k++) {
            int p = kept == n ? k : (int) Math.round((double) k * (n - 1) / (kept - 1));
            curve.add(new DetPoint(far[p], frr[p]));
        }
        return List.copyOf(curve);
    }

    private static void checkRate(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + ": expected a rate in [0, 1], found " + rate);
        }
    }

    /**
     * One operating point of a detection error trade-off curve.
     *
     * @param far the false accept rate
     * @param frr the false reject rate
     */
    public record DetPoint(double far, double frr) {
    }
}

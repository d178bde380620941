package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.sim.CaseTrace;
import java.util.Arrays;

/**
 * The standard quality metrics of one case, from what the monitors showed: maintenance time with
 * BIS in 40–60, time to BIS < 60, nadir and induction overshoot, Varvel's MDPE / MDAPE / wobble
 * against the target 50 over maintenance, doses, and hypotension (MAP < 65 mmHg).
 *
 * @param timeInBand share of maintenance seconds with BIS in [40, 60]
 * @param secondsToBis60 first second the BIS shown fell below 60 (the case's length if never)
 * @param nadir lowest BIS shown over the case
 * @param overshoot how far BIS fell below 40 during induction, BIS points (0 if it did not)
 * @param mdpe median performance error over maintenance, % (Varvel 1992: 100·(BIS − 50)/50)
 * @param mdape median absolute performance error, %
 * @param wobble median absolute deviation of the performance error from the MDPE, %
 * @param propofolMgPerKg total propofol, mg/kg
 * @param remifentanilUgPerKg total remifentanil, µg/kg
 * @param hypotension share of the case's seconds with MAP shown < 65 mmHg
 */
public record ClinicalMetrics(double timeInBand, double secondsToBis60, double nadir, double overshoot, double mdpe,
        double mdape, double wobble, double propofolMgPerKg, double remifentanilUgPerKg, double hypotension) {

    /** The target BIS of the performance errors. */
    public static final double TARGET = 50;

    /** The metrics of one case. */
    public static ClinicalMetrics of(CaseTrace trace) {
        int n = trace.length();
        if (n <= CasePhase.INDUCTION_SECONDS) {
            throw new IllegalArgumentException("trace: expected a case longer than induction ("
                    + CasePhase.INDUCTION_SECONDS + " s), found " + n + " s");
        }
        int maintenance = n - CasePhase.INDUCTION_SECONDS;
        double[] errors = new double[maintenance];
        int inBand = 0;
        int hypotensive = 0;
        double firstBelow60 = n;
        double nadir = 100;
        double inductionLow = 100;
        double propofol = 0;
        double remifentanil = 0;
        for (int i = 0; i < n; i++) {
            double bis = trace.bisShown(i);
            int second = i + 1;
            if (bis < 60 && firstBelow60 == n) {
                firstBelow60 = second;
            }
            nadir = Math.min(nadir, bis);
            // Second i + 1 runs from i to i + 1 and belongs to the phase it starts in.
            if (CasePhase.at(i) == CasePhase.INDUCTION) {
                inductionLow = Math.min(inductionLow, bis);
            } else {
                if (bis >= 40 && bis <= 60) {
                    inBand++;
                }
                errors[i - CasePhase.INDUCTION_SECONDS] = 100 * (bis - TARGET) / TARGET;
            }
            if (trace.mapShown(i) < 65) {
                hypotensive++;
            }
            propofol += trace.propofolRate(i);
            remifentanil += trace.remifentanilRate(i);
        }
        double mdpe = median(errors);
        double[] absolute = new double[maintenance];
        double[] wobble = new double[maintenance];
        for (int i = 0; i < maintenance; i++) {
            absolute[i] = Math.abs(errors[i]);
            wobble[i] = Math.abs(errors[i] - mdpe);
        }
        return new ClinicalMetrics((double) inBand / maintenance, firstBelow60, nadir, Math.max(0, 40 - inductionLow),
                mdpe, median(absolute), median(wobble), propofol / trace.weightKg(), remifentanil / trace.weightKg(),
                (double) hypotensive / n);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** The metrics as an array in declaration order (for averaging). */
    double[] values() {
        return new double[] {timeInBand, secondsToBis60, nadir, overshoot, mdpe, mdape, wobble, propofolMgPerKg,
            remifentanilUgPerKg, hypotension};
    }

    static ClinicalMetrics ofValues(double[] v) {
        return new ClinicalMetrics(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }
}

package dev.apprentice.anesthesia.expert;

import java.util.List;

/**
 * Metrics over a set of cases: the mean and standard deviation of each case metric, and the
 * smallest time in band.
 *
 * @param cases how many cases
 * @param mean mean of each metric
 * @param sd sample standard deviation of each metric (0 for one case)
 * @param worstTimeInBand the lowest time in band of any case
 */
public record CohortMetrics(int cases, ClinicalMetrics mean, ClinicalMetrics sd, double worstTimeInBand) {

    /** Summarises cases. */
    public static CohortMetrics of(List<ClinicalMetrics> cases) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("cases: expected at least one case");
        }
        int width = cases.get(0).values().length;
        double[] sum = new double[width];
        double worst = 1;
        for (ClinicalMetrics c : cases) {
            double[] v = c.values();
            for (int i = 0; i < width; i++) {
                sum[i] += v[i];
            }
            worst = Math.min(worst, c.timeInBand());
        }
        double[] mean = new double[width];
        double[] sq = new double[width];
        for (int i = 0; i < width; i++) {
            mean[i] = sum[i] / cases.size();
        }
        for (ClinicalMetrics c : cases) {
            double[] v = c.values();
            for (int i = 0; i < width; i++) {
                sq[i] += (v[i] - mean[i]) * (v[i] - mean[i]);
            }
        }
        double[] sd = new double[width];
        for (int i = 0; i < width; i++) {
            sd[i] = cases.size() > 1 ? Math.sqrt(sq[i] / (cases.size() - 1)) : 0;
        }
        return new CohortMetrics(cases.size(), ClinicalMetrics.ofValues(mean), ClinicalMetrics.ofValues(sd), worst);
    }
}

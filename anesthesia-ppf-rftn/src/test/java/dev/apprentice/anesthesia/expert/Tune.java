package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.sim.CaseSettings;

public class Tune {
    public static void main(String[] a) {
        PidAnaesthesiologist p = PidAnaesthesiologist.TUNED;
        if (a.length > 0) {
            double[] v = java.util.Arrays.stream(a[0].split(",")).mapToDouble(Double::parseDouble).toArray();
            p = new PidAnaesthesiologist(v[0], (int) v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
        }
        long t0 = System.nanoTime();
        print("pid", p);
        Anaesthesiologist naive = new Anaesthesiologist() {
            public String name() { return "naive"; }
            public InfusionController startCase(dev.apprentice.anesthesia.clinical.Covariates c) {
                return o -> o.elapsedSeconds() < 60 ? new InfusionRates(90, 0.2) : new InfusionRates(8, 0.15);
            }
        };
        print("naive", naive);
        System.out.printf("%.1f ms%n", (System.nanoTime() - t0) / 1e6);
    }

    static void print(String name, Anaesthesiologist p) {
        for (int k = 0; k < 2; k++) {
            CohortMetrics c = k == 0 ? CohortMetrics.of(CaseRunner.cohort(p, 1, CaseSettings.DEFAULT))
                    : CohortMetrics.of(CaseRunner.random(p, 1_000_000, 100, CaseSettings.DEFAULT));
            ClinicalMetrics m = c.mean();
            System.out.printf("%-6s %-7s band %.3f (worst %.3f) t60 %.0f nadir %.1f over %.1f mdpe %.1f mdape %.1f wob %.1f P %.1f mg/kg R %.1f ug/kg hypo %.3f%n",
                    name, k == 0 ? "cohort" : "random", m.timeInBand(), c.worstTimeInBand(), m.secondsToBis60(), m.nadir(), m.overshoot(), m.mdpe(), m.mdape(), m.wobble(), m.propofolMgPerKg(), m.remifentanilUgPerKg(), m.hypotension());
        }
    }
}

package dev.apprentice.anesthesia.expert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apprentice.anesthesia.sim.CaseTrace;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClinicalMetricsTest {

    /**
     * A 1,000-second case of a 50 kg patient, built by hand: BIS 90 for the first 100 s, 35 until 600 s
     * (the end of induction), then 300 s at 50, 50 s at 70 and 50 s at 30 (maintenance: 400 s, of which
     * 300 in band); MAP 80 except 100 s at 60; propofol 1 mg/s for 100 s, remifentanil 0.5 µg/s throughout.
     */
    static CaseTrace handBuilt() {
        int n = 1000;
        float[] bis = new float[n];
        float[] map = new float[n];
        float[] propofol = new float[n];
        float[] remifentanil = new float[n];
        for (int i = 0; i < n; i++) {
            bis[i] = i < 100 ? 90 : i < 600 ? 35 : i < 900 ? 50 : i < 950 ? 70 : 30;
            map[i] = i >= 200 && i < 300 ? 60 : 80;
            propofol[i] = i < 100 ? 1 : 0;
            remifentanil[i] = 0.5f;
        }
        return CaseTrace.recorded(50, bis, map, propofol, remifentanil);
    }

    @Test
    void theStandardMetricsOfAHandBuiltCaseMatchTheirHandComputedValues() {
        // when
        ClinicalMetrics m = ClinicalMetrics.of(handBuilt());

        // then
        assertEquals(300.0 / 400, m.timeInBand(), 1e-12, "300 of the 400 maintenance seconds are in 40-60");
        assertEquals(101, m.secondsToBis60(), "the BIS first falls below 60 in second 101");
        assertEquals(30, m.nadir());
        assertEquals(5, m.overshoot(), 1e-6, "induction went 5 points below 40");
        // Performance errors 100·(BIS − 50)/50 over maintenance: 300 × 0, 50 × +40, 50 × −40.
        assertEquals(0, m.mdpe(), 1e-12);
        assertEquals(0, m.mdape(), 1e-12, "the median absolute error is 0: 300 of 400 are exact");
        assertEquals(0, m.wobble(), 1e-12);
        assertEquals(100.0 / 50, m.propofolMgPerKg(), 1e-9, "100 mg for 50 kg");
        assertEquals(500.0 / 50, m.remifentanilUgPerKg(), 1e-9, "500 µg for 50 kg");
        assertEquals(100.0 / 1000, m.hypotension(), 1e-12);
    }

    @Test
    void mdpeMdapeAndWobbleFollowVarvel() {
        // given maintenance BIS alternating 45 and 60 (errors −10 % and +20 %), induction at 50
        int n = 1000;
        float[] bis = new float[n];
        for (int i = 0; i < n; i++) {
            bis[i] = i < 600 ? 50 : (i % 2 == 0 ? 45 : 60);
        }
        float[] zeros = new float[n];
        float[] map = new float[n];
        Arrays.fill(map, 80);

        // when
        ClinicalMetrics m = ClinicalMetrics.of(CaseTrace.recorded(70, bis, map, zeros, zeros));

        // then the median of 200 × −10 and 200 × +20 is their mean, 5; |errors| 10 and 20 → 15; |e − 5| 15 and 15 → 15
        assertEquals(5, m.mdpe(), 1e-5);
        assertEquals(15, m.mdape(), 1e-5);
        assertEquals(15, m.wobble(), 1e-5);
        assertEquals(1.0, m.timeInBand(), 1e-12);
        assertEquals(0, m.overshoot());
    }

    @Test
    void aCaseNoLongerThanInductionHasNoMaintenanceToJudge() {
        float[] short600 = new float[600];
        assertThrows(IllegalArgumentException.class,
                () -> ClinicalMetrics.of(CaseTrace.recorded(70, short600, short600, short600, short600)));
        assertThrows(IllegalArgumentException.class,
                () -> CaseTrace.recorded(70, new float[700], new float[699], new float[700], new float[700]));
    }
}

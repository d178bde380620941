package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.sim.Compartments;
import dev.apprentice.anesthesia.sim.PkParameters;
import java.util.Arrays;

/**
 * Effect-site target-controlled infusion as clinicians' TCI pumps compute it (Shafer and Gregg,
 * J Pharmacokinet Biopharm 1992): the rate that, infused over the next interval, brings the
 * effect site to the target at the time of its peak, and nothing while the effect site is or will
 * be above target. Works in the pump model's units (mg/s and µg/mL for propofol, µg/s and ng/mL
 * for remifentanil) and on the pump model's own one-second discretisation, so its predictions are
 * exact for that model. Immutable; one per drug per patient.
 */
public final class EffectSiteTci {

    /** Shafer and Gregg's peak search converges in a few rounds; more only happens when it cycles between neighbours. */
    private static final int MAX_PEAK_SEARCHES = 20;

    private final PkParameters pk;
    private final double maxRate;
    private final int intervalSeconds;
    private final double[] unitDisposition;
    private final int unitPeak;

    /**
     * Precomputes the patient's unit disposition function: the effect site after a rate of 1 per
     * second for one interval, second by second, up to its peak.
     *
     * @param pk the pump model's parameters
     * @param maxRate the largest rate the pump may run, mg/s or µg/s
     * @param intervalSeconds seconds each computed rate runs
     */
    public EffectSiteTci(PkParameters pk, double maxRate, int intervalSeconds) {
        if (pk == null) {
            throw new IllegalArgumentException("pk: expected the pump model's parameters, found null");
        }
        if (!(maxRate > 0) || Double.isInfinite(maxRate)) {
            throw new IllegalArgumentException("maxRate: expected a positive rate, found " + maxRate);
        }
        if (intervalSeconds < 1 || intervalSeconds > 60) {
            throw new IllegalArgumentException("intervalSeconds: expected 1 to 60, found " + intervalSeconds);
        }
        this.pk = pk;
        this.maxRate = maxRate;
        this.intervalSeconds = intervalSeconds;
        Compartments unit = new Compartments(pk);
        double[] ce = new double[16];
        int k = 0;
        // The effect site rises while the infusion runs and for a while after; stop one second past its peak.
        while (k <= intervalSeconds + 1 || ce[k] > ce[k - 1]) {
            unit.step(k < intervalSeconds ? 1 : 0);
            k++;
            if (k == ce.length) {
                ce = Arrays.copyOf(ce, 2 * ce.length);
            }
            ce[k] = unit.effectSite();
        }
        this.unitPeak = k - 1;
        this.unitDisposition = Arrays.copyOf(ce, unitPeak + 1);
    }

    /** The pump model's parameters. */
    public PkParameters parameters() {
        return pk;
    }

    /** Seconds each computed rate is meant to run. */
    public int intervalSeconds() {
        return intervalSeconds;
    }

    /** Seconds after the start of an interval's infusion at which its effect site peaks. */
    public int unitPeakSeconds() {
        return unitPeak;
    }

    /**
     * The rate to run for the next interval, mg/s or µg/s: 0 while the effect site without further
     * drug would reach the target anyway, otherwise the Shafer–Gregg rate capped at the maximum.
     *
     * @param pump the pump model's state now (not changed)
     * @param target the effect-site target, µg/mL or ng/mL
     */
    public double rate(Compartments pump, double target) {
        if (!pump.parameters().equals(pk)) {
            throw new IllegalArgumentException("pump: expected the model this TCI was built for (" + pk + "), found "
                    + pump.parameters());
        }
        if (!(target >= 0) || Double.isInfinite(target)) {
            throw new IllegalArgumentException("target: expected a concentration >= 0, found " + target);
        }
        // Everything already given peaks no later than a dose starting now, so the unit peak bounds the horizon.
        double[] free = new double[unitPeak + 1];
        Compartments decay = pump.copy();
        free[0] = decay.effectSite();
        for (int k = 1; k <= unitPeak; k++) {
            decay.step(0);
            free[k] = decay.effectSite();
        }
        for (double ce : free) {
            if (ce >= target) {
                return 0;
            }
        }
        int peak = unitPeak;
        double rate = (target - free[peak]) / unitDisposition[peak];
        for (int round = 0; round < MAX_PEAK_SEARCHES; round++) {
            int next = peakOf(free, rate);
            if (next == peak) {
                break;
            }
            peak = next;
            rate = (target - free[peak]) / unitDisposition[peak];
        }
        return Math.min(rate, maxRate);
    }

    private int peakOf(double[] free, double rate) {
        int best = 0;
        for (int k = 1; k < free.length; k++) {
            if (free[k] + rate * unitDisposition[k] > free[best] + rate * unitDisposition[best]) {
                best = k;
            }
        }
        return best;
    }
}

package dev.apprentice.anesthesia.sim;

import java.util.Arrays;

/** A simulated case second by second: what the monitors showed, the true state and what was infused. */
public final class CaseTrace {

    private final double weightKg;
    private int length;
    private float[] bisShown;
    private float[] bisTrue;
    private float[] mapShown;
    private float[] propofolCe;
    private float[] remifentanilCe;
    private float[] propofolMgPerS;
    private float[] remifentanilUgPerS;

    CaseTrace(double weightKg, int capacity) {
        this.weightKg = weightKg;
        bisShown = new float[capacity];
        bisTrue = new float[capacity];
        mapShown = new float[capacity];
        propofolCe = new float[capacity];
        remifentanilCe = new float[capacity];
        propofolMgPerS = new float[capacity];
        remifentanilUgPerS = new float[capacity];
    }

    /**
     * A trace of recorded values, one per second (the true BIS and effect sites are unknown and read
     * as the BIS shown and 0): for the clinical metrics of a case that was not simulated.
     *
     * @param propofolMgPerS propofol given in each second, mg/s
     * @param remifentanilUgPerS remifentanil given in each second, µg/s
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static CaseTrace recorded(double weightKg, float[] bisShown, float[] mapShown, float[] propofolMgPerS,
            float[] remifentanilUgPerS) {
        int n = bisShown.length;
        if (mapShown.length != n || propofolMgPerS.length != n || remifentanilUgPerS.length != n) {
            throw new IllegalArgumentException("trace: expected as many seconds of MAP and both rates as of BIS (" + n
                    + "), found " + mapShown.length + ", " + propofolMgPerS.length + " and " + remifentanilUgPerS.length);
        }
        CaseTrace t = new CaseTrace(weightKg, 0);
        t.bisShown = bisShown.clone();
        t.bisTrue = bisShown.clone();
        t.mapShown = mapShown.clone();
        t.propofolCe = new float[n];
        t.remifentanilCe = new float[n];
        t.propofolMgPerS = propofolMgPerS.clone();
        t.remifentanilUgPerS = remifentanilUgPerS.clone();
        t.length = n;
        return t;
    }

    void record(PatientSimulator s) {
        if (length == bisShown.length) {
            int n = Math.max(16, length * 2);
            bisShown = Arrays.copyOf(bisShown, n);
            bisTrue = Arrays.copyOf(bisTrue, n);
            mapShown = Arrays.copyOf(mapShown, n);
            propofolCe = Arrays.copyOf(propofolCe, n);
            remifentanilCe = Arrays.copyOf(remifentanilCe, n);
            propofolMgPerS = Arrays.copyOf(propofolMgPerS, n);
            remifentanilUgPerS = Arrays.copyOf(remifentanilUgPerS, n);
        }
        bisShown[length] = (float) s.bisShown();
        bisTrue[length] = (float) s.bisTrue();
        mapShown[length] = (float) s.mapShown();
        propofolCe[length] = (float) s.propofolEffectSite();
        remifentanilCe[length] = (float) s.remifentanilEffectSite();
        propofolMgPerS[length] = (float) s.propofolDelivered();
        remifentanilUgPerS[length] = (float) s.remifentanilDelivered();
        length++;
    }

    /** Seconds recorded; index {@code i} is the state at the end of second {@code i + 1}. */
    public int length() {
        return length;
    }

    /** The patient's weight, kg. */
    public double weightKg() {
        return weightKg;
    }

    /** BIS shown at the end of second {@code i + 1}. */
    public double bisShown(int i) {
        return bisShown[i];
    }

    /** The brain's BIS (no monitor delay or noise). */
    public double bisTrue(int i) {
        return bisTrue[i];
    }

    /** MAP shown, mmHg. */
    public double mapShown(int i) {
        return mapShown[i];
    }

    /** True propofol effect-site concentration, µg/mL. */
    public double propofolCe(int i) {
        return propofolCe[i];
    }

    /** True remifentanil effect-site concentration, ng/mL. */
    public double remifentanilCe(int i) {
        return remifentanilCe[i];
    }

    /** Propofol delivered during second {@code i + 1}, mg/s. */
    public double propofolRate(int i) {
        return propofolMgPerS[i];
    }

    /** Remifentanil delivered during second {@code i + 1}, µg/s. */
    public double remifentanilRate(int i) {
        return remifentanilUgPerS[i];
    }
}

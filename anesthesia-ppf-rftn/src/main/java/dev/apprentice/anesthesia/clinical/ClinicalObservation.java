package dev.apprentice.anesthesia.clinical;

import dev.apprentice.anesthesia.sim.Sex;
import dev.apprentice.il.spaces.Box;

/**
 * What a clinician sees at decision time, and its layout as the raw observation vector that
 * streams, the store and the decision API carry (version 1, 17 floats): age, male (0/1), weight kg,
 * height cm, elapsed s, phase (0 induction, 1 maintenance), the BIS now and 10–50 s before (6,
 * newest first), MAP mmHg, the running propofol (mg/kg/h) and remifentanil (µg/kg/min) rates, and
 * the pump model's propofol (µg/mL) and remifentanil (ng/mL) effect-site concentrations.
 *
 * @param patient the covariates
 * @param elapsedSeconds seconds since the case started
 * @param phase induction or maintenance
 * @param bis BIS shown now and every 10 s before, newest first ({@link #BIS_HISTORY} values)
 * @param map MAP now, mmHg
 * @param running the rates running until now
 * @param propofolCe the pump model's propofol effect-site concentration, µg/mL
 * @param remifentanilCe the pump model's remifentanil effect-site concentration, ng/mL
 */
public record ClinicalObservation(Covariates patient, double elapsedSeconds, CasePhase phase, double[] bis, double map,
        InfusionRates running, double propofolCe, double remifentanilCe) {

    /** BIS values in the history: now and 10, 20, 30, 40, 50 s before. */
    public static final int BIS_HISTORY = 6;
    /** Seconds between BIS history values. */
    public static final int BIS_SPACING_SECONDS = 10;

    public static final int AGE = 0;
    public static final int MALE = 1;
    public static final int WEIGHT = 2;
    public static final int HEIGHT = 3;
    public static final int ELAPSED = 4;
    public static final int PHASE = 5;
    public static final int BIS = 6;
    public static final int MAP = BIS + BIS_HISTORY;
    public static final int PROPOFOL_RATE = MAP + 1;
    public static final int REMIFENTANIL_RATE = PROPOFOL_RATE + 1;
    public static final int PROPOFOL_CE = REMIFENTANIL_RATE + 1;
    public static final int REMIFENTANIL_CE = PROPOFOL_CE + 1;
    /** Dimension of the raw observation. */
    public static final int DIMENSION = REMIFENTANIL_CE + 1;

    /**
     * Where raw observations may lie: ages 1–110, weights 5–300 kg, heights 50–250 cm, cases up to
     * 24 h, BIS 0–100, MAP 0–300 mmHg, rates up to what a pump delivers to a 5 kg patient
     * (propofol 5,000 mg/kg/h, remifentanil 200 µg/kg/min), and effect sites up to what pumps at
     * their limits reach (propofol 300 µg/mL, remifentanil 2,000 ng/mL).
     */
    public static final Box SPACE = space();

    public ClinicalObservation {
        if (bis == null || bis.length != BIS_HISTORY) {
            throw new IllegalArgumentException("bis: expected " + BIS_HISTORY + " values, found "
                    + (bis == null ? "null" : bis.length));
        }
        bis = bis.clone();
    }

    private static Box space() {
        float[] low = new float[DIMENSION];
        float[] high = new float[DIMENSION];
        set(low, high, AGE, 1, 110);
        set(low, high, MALE, 0, 1);
        set(low, high, WEIGHT, 5, 300);
        set(low, high, HEIGHT, 50, 250);
        set(low, high, ELAPSED, 0, 86_400);
        set(low, high, PHASE, 0, 1);
        for (int i = 0; i < BIS_HISTORY; i++) {
            set(low, high, BIS + i, 0, 100);
        }
        set(low, high, MAP, 0, 300);
        set(low, high, PROPOFOL_RATE, 0, 5_000);
        set(low, high, REMIFENTANIL_RATE, 0, 200);
        set(low, high, PROPOFOL_CE, 0, 300);
        set(low, high, REMIFENTANIL_CE, 0, 2_000);
        return new Box(low, high);
    }

    private static void set(float[] low, float[] high, int i, float lo, float hi) {
        low[i] = lo;
        high[i] = hi;
    }

    /** The BIS shown now. */
    public double bisNow() {
        return bis[0];
    }

    /** The BIS history (a copy), newest first. */
    @Override
    public double[] bis() {
        return bis.clone();
    }

    /** The BIS {@code k} × 10 s ago. */
    public double bis(int k) {
        return bis[k];
    }

    /** This observation as the raw vector. */
    public float[] toVector() {
        float[] v = new float[DIMENSION];
        v[AGE] = (float) patient.age();
        v[MALE] = patient.sex() == Sex.MALE ? 1 : 0;
        v[WEIGHT] = (float) patient.weightKg();
        v[HEIGHT] = (float) patient.heightCm();
        v[ELAPSED] = (float) elapsedSeconds;
        v[PHASE] = phase == CasePhase.MAINTENANCE ? 1 : 0;
        for (int i = 0; i < BIS_HISTORY; i++) {
            v[BIS + i] = (float) bis[i];
        }
        v[MAP] = (float) map;
        v[PROPOFOL_RATE] = (float) running.propofol();
        v[REMIFENTANIL_RATE] = (float) running.remifentanil();
        v[PROPOFOL_CE] = (float) propofolCe;
        v[REMIFENTANIL_CE] = (float) remifentanilCe;
        return v;
    }

    /** The observation a raw vector holds. */
    public static ClinicalObservation fromVector(float[] v) {
        if (v.length != DIMENSION) {
            throw new IllegalArgumentException("observation: expected " + DIMENSION + " values, found " + v.length);
        }
        double[] bis = new double[BIS_HISTORY];
        for (int i = 0; i < BIS_HISTORY; i++) {
            bis[i] = v[BIS + i];
        }
        return new ClinicalObservation(new Covariates(v[AGE], v[MALE] >= 0.5f ? Sex.MALE : Sex.FEMALE, v[WEIGHT], v[HEIGHT]),
                v[ELAPSED], v[PHASE] >= 0.5f ? CasePhase.MAINTENANCE : CasePhase.INDUCTION, bis, v[MAP],
                new InfusionRates(v[PROPOFOL_RATE], v[REMIFENTANIL_RATE]), v[PROPOFOL_CE], v[REMIFENTANIL_CE]);
    }
}

package dev.apprentice.anesthesia.training;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.sim.Sex;
import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;

/**
 * The features infusion policies see (version 1, 23 values), each scaled to about [−3, 3]: the
 * covariates (age, sex, weight, height, lean body mass), the case clock (phase, the first ten
 * minutes' progress, hours elapsed), the BIS history as errors from 50 in tens of points with its
 * 30-second mean and its slope, MAP from 75 in units of 15 mmHg with a hypotension flag, the
 * running rates (propofol per 10 mg/kg/h, with its logarithm so induction doses do not swamp the
 * maintenance range; remifentanil per 0.2 µg/kg/min) and the pump model's effect sites per 4.
 */
public final class AnesthesiaFeatures implements ObservationEncoder {

    /** The encoding's name in model cards. */
    public static final String ID = "anesthesia-features-v1";
    /** Feature count. */
    public static final int DIMENSION = 23;

    private static final Box OUTPUT = Box.uniform(DIMENSION, -10f, 10f);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Box inputSpace() {
        return ClinicalObservation.SPACE;
    }

    @Override
    public Box outputSpace() {
        return OUTPUT;
    }

    @Override
    public float[] encode(float[] o) {
        float[] f = new float[DIMENSION];
        int i = 0;
        double weight = o[ClinicalObservation.WEIGHT];
        double height = o[ClinicalObservation.HEIGHT];
        boolean male = o[ClinicalObservation.MALE] >= 0.5f;
        double lbm = Covariates.leanBodyMass(weight, height, male ? Sex.MALE : Sex.FEMALE);
        f[i++] = (float) ((o[ClinicalObservation.AGE] - 50) / 20);
        f[i++] = male ? 1 : -1;
        f[i++] = (float) ((weight - 75) / 15);
        f[i++] = (float) ((height - 170) / 10);
        f[i++] = (float) ((lbm - 55) / 10);
        double elapsed = o[ClinicalObservation.ELAPSED];
        f[i++] = o[ClinicalObservation.PHASE] >= 0.5f ? 1 : -1;
        f[i++] = (float) Math.min(1, elapsed / CasePhase.INDUCTION_SECONDS);
        f[i++] = (float) Math.min(3, elapsed / 3600);
        for (int k = 0; k < ClinicalObservation.BIS_HISTORY; k++) {
            f[i++] = (float) ((o[ClinicalObservation.BIS + k] - 50) / 10);
        }
        double recent = (o[ClinicalObservation.BIS] + o[ClinicalObservation.BIS + 1] + o[ClinicalObservation.BIS + 2]) / 3;
        double older = (o[ClinicalObservation.BIS + 3] + o[ClinicalObservation.BIS + 4] + o[ClinicalObservation.BIS + 5])
                / 3;
        f[i++] = (float) ((recent - 50) / 10);
        f[i++] = (float) ((recent - older) / 10);
        double map = o[ClinicalObservation.MAP];
        f[i++] = (float) ((map - 75) / 15);
        f[i++] = map < 65 ? 1 : 0;
        double propofol = o[ClinicalObservation.PROPOFOL_RATE];
        f[i++] = (float) Math.min(10, propofol / 10);
        f[i++] = (float) Math.log1p(propofol);
        f[i++] = (float) Math.min(10, o[ClinicalObservation.REMIFENTANIL_RATE] / 0.2);
        f[i++] = (float) (o[ClinicalObservation.PROPOFOL_CE] / 4);
        f[i] = (float) (o[ClinicalObservation.REMIFENTANIL_CE] / 4);
        for (int k = 0; k < DIMENSION; k++) {
            f[k] = Math.max(-10f, Math.min(10f, f[k]));
        }
        return f;
    }
}

package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.sim.InfusionPumps;
import dev.apprentice.anesthesia.sim.MintoModel;
import dev.apprentice.anesthesia.sim.PropofolModel;

/**
 * The "TCI anaesthesiologist" expert style: effect-site TCI of both drugs (Schnider propofol,
 * Minto remifentanil) with the target changes a clinician makes from the BIS and MAP they see:
 * remifentanil 4 ng/mL first, propofol from 1 min at 2.5 µg/mL plus 0.5 a minute until BIS < 60,
 * remifentanil 5 ng/mL from 9 min (before the incision window), then propofol steps every 90 s
 * toward BIS 50 from the 50 s BIS average, quicker steps when BIS leaves 40–60, remifentanil
 * lowered for MAP < 65 and raised for BIS above 60 or MAP 15 % over baseline. Deterministic: the
 * same observations give the same rates.
 */
public final class TciAnaesthesiologist implements Anaesthesiologist {

    /** The style's name. */
    public static final String NAME = "tci";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Controller startCase(Covariates patient) {
        return new Controller(patient);
    }

    /** One case's pumps and targets. */
    public static final class Controller implements InfusionController {

        /** TCI pumps recompute every 10 s. */
        static final int PUMP_INTERVAL_SECONDS = 10;
        /** The action space's upper bounds, which no expert may exceed: 600 mg/kg/h and 25 µg/kg/min. */
        static final double PROPOFOL_MAX_MG_PER_KG_H = 600;
        static final double REMIFENTANIL_MAX_UG_PER_KG_MIN = 25;

        /** Titrated induction: start low and add a step a minute until the patient is asleep (BIS < 60). */
        static final double PROPOFOL_INDUCTION = 2.5;
        static final double PROPOFOL_INDUCTION_STEP = 0.5;
        static final int INDUCTION_STEP_SECONDS = 60;
        static final double PROPOFOL_MIN = 2;
        /**
         * Below this propofol target a patient still too deep is opioid-sensitive: the clinician lowers
         * remifentanil rather than risk awareness on too little hypnotic.
         */
        static final double PROPOFOL_LOW = 2.5;
        static final double PROPOFOL_MAX = 7;
        static final double REMIFENTANIL_INDUCTION = 4;
        static final double REMIFENTANIL_BEFORE_INCISION = 5;
        static final double REMIFENTANIL_MIN = 1.5;
        /** Remifentanil runs alone first, so that the opioid is on board when the patient loses consciousness. */
        static final int PROPOFOL_START_SECONDS = 60;
        static final double REMIFENTANIL_MAX = 8;
        /** Incision comes 10–15 min in; the clinician raises the opioid when the surgeons scrub, before the window. */
        static final int INCISION_EXPECTED_SECONDS = 540;
        static final int TITRATION_SECONDS = 90;
        static final int URGENT_SECONDS = 40;
        static final int MAP_RESPONSE_SECONDS = 60;
        static final double BIS_TARGET = 50;
        /** With the pressure low, a clinician accepts a lighter patient (the band's upper part) over more hypotension. */
        static final double BIS_TARGET_LOW_MAP = 55;
        static final double LOW_MAP = 70;
        static final double DEADBAND = 4;
        /** µg/mL per BIS point: about a half of the typical patient's inverse slope (≈ 8 BIS per µg/mL at C50). */
        static final double PROPOFOL_GAIN = 0.06;
        static final double PROPOFOL_MAX_STEP = 0.6;
        static final double URGENT_PROPOFOL_STEP = 0.4;
        static final double REMIFENTANIL_STEP = 1;
        static final double HYPOTENSION = 65;
        /** Propofol given up per MAP check once remifentanil is at its floor and the patient is deeper than needed. */
        static final double HYPOTENSION_PROPOFOL_STEP = 0.3;
        /** The pump counts as at its target within this much, µg/mL. */
        static final double TARGET_REACHED = 0.3;
        /** A rise of MAP this far above the pre-induction value reads as nociception. */
        static final double HYPERTENSION_RATIO = 1.15;

        private final double weightKg;
        private final TciPump propofol;
        private final TciPump remifentanil;
        private double lastElapsed;
        private double baselineMap = Double.NaN;
        private double propofolTarget;
        private double remifentanilTarget = REMIFENTANIL_INDUCTION;
        private boolean incisionPrepared;
        private boolean asleep;
        private double lastPropofolChange;
        private double lastMapResponse = Double.NEGATIVE_INFINITY;

        Controller(Covariates patient) {
            weightKg = patient.weightKg();
            propofol = new TciPump(PropofolModel.SCHNIDER.parameters(patient),
                    Math.min(InfusionPumps.PROPOFOL_MAX_MG_PER_S, PROPOFOL_MAX_MG_PER_KG_H * weightKg / 3600),
                    PUMP_INTERVAL_SECONDS);
            remifentanil = new TciPump(MintoModel.parameters(patient),
                    Math.min(InfusionPumps.REMIFENTANIL_MAX_UG_PER_S, REMIFENTANIL_MAX_UG_PER_KG_MIN * weightKg / 60),
                    PUMP_INTERVAL_SECONDS);
        }

        @Override
        public InfusionRates decide(ClinicalObservation o) {
            int seconds = (int) Math.round(o.elapsedSeconds() - lastElapsed);
            if (seconds > 0) {
                propofol.delivered(o.running().propofolMgPerSecond(weightKg), seconds);
                remifentanil.delivered(o.running().remifentanilUgPerSecond(weightKg), seconds);
            }
            lastElapsed = o.elapsedSeconds();
            if (Double.isNaN(baselineMap)) {
                baselineMap = o.map();
            }
            retarget(o);
            return InfusionRates.perKg(propofol.rateFor(propofolTarget), remifentanil.rateFor(remifentanilTarget),
                    weightKg);
        }

        private void retarget(ClinicalObservation o) {
            double t = o.elapsedSeconds();
            if (propofolTarget == 0 && t >= PROPOFOL_START_SECONDS) {
                propofolTarget = PROPOFOL_INDUCTION;
                lastPropofolChange = t;
            }
            if (!incisionPrepared && t >= INCISION_EXPECTED_SECONDS) {
                incisionPrepared = true;
                remifentanilTarget = Math.max(remifentanilTarget, REMIFENTANIL_BEFORE_INCISION);
            }
            respondToMap(o, t);
            // The monitor is noisy and 15 s late: judge on the 50 s history, react early only to a clear trend.
            double average = mean(o, ClinicalObservation.BIS_HISTORY);
            double recent = mean(o, 3);
            double since = t - lastPropofolChange;
            double aim = o.map() < LOW_MAP ? BIS_TARGET_LOW_MAP : BIS_TARGET;
            if (!asleep) {
                asleep = propofolTarget > 0 && recent < 60;
                if (!asleep && propofolTarget > 0 && since >= INDUCTION_STEP_SECONDS) {
                    changePropofol(PROPOFOL_INDUCTION_STEP, t);
                }
            } else if (recent > 60 && average > 55 && since >= URGENT_SECONDS) {
                changePropofol(Math.max(URGENT_PROPOFOL_STEP, PROPOFOL_GAIN * (recent - BIS_TARGET)), t);
                if (o.map() >= LOW_MAP) {
                    remifentanilTarget = Math.min(REMIFENTANIL_MAX, remifentanilTarget + REMIFENTANIL_STEP);
                }
            } else if (recent < 40 && average < 45 && since >= URGENT_SECONDS) {
                changePropofol(-URGENT_PROPOFOL_STEP, t);
            } else if (since >= TITRATION_SECONDS && Math.abs(average - aim) > DEADBAND) {
                double step = Math.max(-PROPOFOL_MAX_STEP, Math.min(PROPOFOL_MAX_STEP, PROPOFOL_GAIN * (average - aim)));
                // Wait while the pump is still on its way to the last target: its effect is not in the BIS yet.
                double gap = propofol.effectSite() - propofolTarget;
                if (step > 0 ? gap > -TARGET_REACHED : gap < TARGET_REACHED) {
                    changePropofol(step, t);
                }
            }
        }

        private void respondToMap(ClinicalObservation o, double t) {
            if (t - lastMapResponse < MAP_RESPONSE_SECONDS) {
                return;
            }
            if (o.map() < HYPOTENSION) {
                lastMapResponse = t;
                if (remifentanilTarget > REMIFENTANIL_MIN) {
                    remifentanilTarget = Math.max(REMIFENTANIL_MIN, remifentanilTarget - REMIFENTANIL_STEP);
                } else if (asleep && mean(o, ClinicalObservation.BIS_HISTORY) < BIS_TARGET) {
                    changePropofol(-HYPOTENSION_PROPOFOL_STEP, t);
                }
            } else if (o.map() > HYPERTENSION_RATIO * baselineMap) {
                lastMapResponse = t;
                remifentanilTarget = Math.min(REMIFENTANIL_MAX, remifentanilTarget + REMIFENTANIL_STEP / 2);
            }
        }

        private void changePropofol(double step, double t) {
            if (step < 0 && propofolTarget <= PROPOFOL_LOW && remifentanilTarget > REMIFENTANIL_MIN) {
                remifentanilTarget = Math.max(REMIFENTANIL_MIN, remifentanilTarget - REMIFENTANIL_STEP);
                lastPropofolChange = t;
                return;
            }
            propofolTarget = Math.max(PROPOFOL_MIN, Math.min(PROPOFOL_MAX, propofolTarget + step));
            lastPropofolChange = t;
        }

        private static double mean(ClinicalObservation o, int newest) {
            double sum = 0;
            for (int k = 0; k < newest; k++) {
                sum += o.bis(k);
            }
            return sum / newest;
        }

        /** The propofol effect-site target now, µg/mL. */
        public double propofolTarget() {
            return propofolTarget;
        }

        /** The remifentanil effect-site target now, ng/mL. */
        public double remifentanilTarget() {
            return remifentanilTarget;
        }
    }
}

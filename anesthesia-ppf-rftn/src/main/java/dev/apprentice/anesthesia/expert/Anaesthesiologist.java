package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.il.policy.Actor;

/** A dosing style: starts a fresh controller for each case. */
public interface Anaesthesiologist {

    /** The style's name, e.g. {@code pid}. */
    String name();

    /** A controller for a new case of this patient. */
    InfusionController startCase(Covariates patient);

    /**
     * An actor on raw observations for one case: its controller starts on the first observation it
     * sees. Use one per case; it is not safe to share between threads.
     */
    default Actor actorForOneCase() {
        return new Actor() {
            private InfusionController controller;

            @Override
            public float[] act(float[] observation, java.util.random.RandomGenerator rng) {
                ClinicalObservation view = ClinicalObservation.fromVector(observation);
                if (controller == null) {
                    controller = startCase(view.patient());
                }
                return controller.decide(view).toAction();
            }
        };
    }
}

package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.il.policy.Actor;
import java.util.random.RandomGenerator;

/** A dosing style: starts a fresh controller for each case. */
public interface Anaesthesiologist {

    /** The style's name, e.g. {@code pid}. */
    String name();

    /** A controller for a new case of this patient. */
    InfusionController startCase(Covariates patient);

    /**
     * This style as an actor on raw observations. Each episode plays {@link Actor#forEpisode() its
     * own controller}, started on the episode's first observation; the shared instance refuses to
     * act, since a controller may remember its case.
     */
    default Actor actor() {
        Anaesthesiologist style = this;
        return new Actor() {
            @Override
            public float[] act(float[] observation, RandomGenerator rng) {
                throw new IllegalStateException("the " + style.name() + " anaesthesiologist acts within a case: call"
                        + " forEpisode() at the start of each case");
            }

            @Override
            public Actor forEpisode() {
                return new Actor() {
                    private InfusionController controller;

                    @Override
                    public float[] act(float[] observation, RandomGenerator rng) {
                        ClinicalObservation view = ClinicalObservation.fromVector(observation);
                        if (controller == null) {
                            controller = startCase(view.patient());
                        }
                        return controller.decide(view).toAction();
                    }
                };
            }
        };
    }
}

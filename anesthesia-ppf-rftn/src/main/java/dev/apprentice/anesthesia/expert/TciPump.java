package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.sim.Compartments;
import dev.apprentice.anesthesia.sim.PkParameters;

/**
 * One drug's TCI pump: its model of what it has infused (the model must follow what was actually
 * delivered, not what was asked, or its effect-site estimate drifts from the display) and the
 * effect-site targeting on top.
 */
final class TciPump {

    private final Compartments model;
    private final EffectSiteTci tci;

    TciPump(PkParameters pk, double maxRate, int intervalSeconds) {
        this.model = new Compartments(pk);
        this.tci = new EffectSiteTci(pk, maxRate, intervalSeconds);
    }

    /** Advances the model over {@code seconds} during which the pump delivered {@code ratePerSecond}. */
    void delivered(double ratePerSecond, int seconds) {
        for (int s = 0; s < seconds; s++) {
            model.step(ratePerSecond);
        }
    }

    /** The rate for the next interval, mg/s or µg/s. */
    double rateFor(double target) {
        return tci.rate(model, target);
    }

    /** The model's effect-site concentration, µg/mL or ng/mL. */
    double effectSite() {
        return model.effectSite();
    }
}

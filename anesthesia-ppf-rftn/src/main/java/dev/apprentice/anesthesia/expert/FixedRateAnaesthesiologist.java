package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;

/**
 * The naive baseline: dosing by weight alone, the textbook regimen without any look at the
 * monitor (propofol 1.5 mg/kg over the first minute, then 8 mg/kg/h; remifentanil 0.15 µg/kg/min
 * throughout).
 */
public final class FixedRateAnaesthesiologist implements Anaesthesiologist {

    /** The style's name. */
    public static final String NAME = "fixed-by-weight";

    private static final InfusionRates INDUCTION = new InfusionRates(90, 0.15);
    private static final InfusionRates MAINTENANCE = new InfusionRates(8, 0.15);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public InfusionController startCase(Covariates patient) {
        return o -> o.elapsedSeconds() < 60 ? INDUCTION : MAINTENANCE;
    }
}

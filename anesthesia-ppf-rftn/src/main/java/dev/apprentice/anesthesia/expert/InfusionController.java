package dev.apprentice.anesthesia.expert;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.InfusionRates;

/** Sets both rates at each decision of one case; it may remember earlier decisions of that case (a TCI pump's model). */
@FunctionalInterface
public interface InfusionController {

    /** The rates for the next interval, given what the clinician sees now. */
    InfusionRates decide(ClinicalObservation observation);
}

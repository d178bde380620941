package dev.apprentice.anesthesia.expert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.sim.BisResponse;
import dev.apprentice.anesthesia.sim.CaseSettings;
import dev.apprentice.anesthesia.sim.Compartments;
import dev.apprentice.anesthesia.sim.InfusionPumps;
import dev.apprentice.anesthesia.sim.MonitorNoise;
import dev.apprentice.anesthesia.sim.Patient;
import dev.apprentice.anesthesia.sim.PkParameters;
import dev.apprentice.anesthesia.sim.PropofolModel;
import dev.apprentice.anesthesia.sim.SchniderModel;
import dev.apprentice.anesthesia.sim.Sex;
import dev.apprentice.anesthesia.sim.SimulatedCase;
import org.junit.jupiter.api.Test;

class EffectSiteTciTest {

    private static final Covariates SAMPLE = new Covariates(80, Sex.MALE, 75, 172);
    private static final PkParameters SCHNIDER = SchniderModel.parameters(SAMPLE);

    @Test
    void firstRateForFourMicrogramsFromZeroIsTheReference6008MgPerSecond() {
        EffectSiteTci tci = new EffectSiteTci(SCHNIDER, InfusionPumps.PROPOFOL_MAX_MG_PER_S, 10);

        double rate = tci.rate(new Compartments(SCHNIDER), 4);

        assertEquals(6.008, rate, 6.008 * 0.005);
    }

    @Test
    void effectSiteStaysAtTargetForThirtyMinutesWithoutNoiseOrStimulation() {
        // Given a patient whose true model is the pump's model, perfect monitors and no surgery
        Patient patient = new Patient(SAMPLE, BisResponse.TYPICAL, 90);
        CaseSettings quiet = new CaseSettings(2400, 2400, 10, PropofolModel.SCHNIDER, PropofolModel.SCHNIDER,
                MonitorNoise.NONE, false);
        SimulatedCase simulatedCase = new SimulatedCase(patient, 1, quiet);
        TciPump pump = new TciPump(SCHNIDER, InfusionPumps.PROPOFOL_MAX_MG_PER_S, 10);

        // When a fixed target of 4 µg/mL runs for 40 minutes
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        while (!simulatedCase.done()) {
            double rate = pump.rateFor(4);
            int seconds = simulatedCase.apply(InfusionRates.perKg(rate, 0, SAMPLE.weightKg()));
            pump.delivered(simulatedCase.simulator().propofolDelivered(), seconds);
            if (simulatedCase.simulator().second() >= 600) {
                low = Math.min(low, simulatedCase.simulator().propofolEffectSite());
                high = Math.max(high, simulatedCase.simulator().propofolEffectSite());
            }
        }

        // Then over the last 30 minutes the effect site stays within 2 % of the target
        assertTrue(low > 4 * 0.98 && high < 4 * 1.02, "effect site between " + low + " and " + high);
    }

    @Test
    void infusesNothingRightAfterTheTargetIsLowered() {
        TciPump pump = new TciPump(SCHNIDER, InfusionPumps.PROPOFOL_MAX_MG_PER_S, 10);
        for (int decision = 0; decision < 60; decision++) {
            pump.delivered(pump.rateFor(4), 10);
        }
        assertTrue(pump.rateFor(4) > 0);

        assertEquals(0, pump.rateFor(3.5));
    }

    @Test
    void neverExceedsTheMaximumRate() {
        EffectSiteTci tci = new EffectSiteTci(SCHNIDER, 2, 10);

        assertEquals(2, tci.rate(new Compartments(SCHNIDER), 6));
    }
}

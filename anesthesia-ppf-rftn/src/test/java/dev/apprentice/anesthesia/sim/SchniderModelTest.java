package dev.apprentice.anesthesia.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.anesthesia.clinical.Covariates;
import org.junit.jupiter.api.Test;

class SchniderModelTest {

    /** The domain notes' sample patient: 80 years, male, 75 kg, 172 cm. */
    private static final Covariates SAMPLE = new Covariates(80, Sex.MALE, 75, 172);

    @Test
    void theSamplePatientsCovariateDependentParametersMatchTheHandComputation() {
        PkParameters pk = SchniderModel.parameters(SAMPLE);

        // LBM = 1.1·75 − 128·(75/172)² = 82.5 − 128·0.190137 = 82.5 − 24.33748 = 58.16252 kg
        // V2  = 18.9 − 0.391·(80 − 53) = 18.9 − 10.557 = 8.343 L
        // CL1 = 1.89 + 0.0456·(75 − 77) − 0.0681·(58.16252 − 59) + 0.0264·(172 − 177)
        //     = 1.89 − 0.0912 + 0.057033 − 0.132 = 1.723833 L/min
        // CL2 = 1.29 − 0.024·(80 − 53) = 1.29 − 0.648 = 0.642 L/min
        assertEquals(4.27, pk.v1(), 1e-12);
        assertEquals(8.343, pk.v2(), 1e-9);
        assertEquals(238, pk.v3(), 1e-12);
        assertEquals(1.723833, pk.cl1(), 1e-6);
        assertEquals(0.642, pk.cl2(), 1e-9);
        assertEquals(0.836, pk.cl3(), 1e-12);
        assertEquals(0.456, pk.ke0(), 1e-12);
    }

    @Test
    void theFirstSecondOfAnEffectSiteTciInductionGivesThePublishedPlasmaConcentration() {
        Compartments propofol = new Compartments(SchniderModel.parameters(SAMPLE));

        propofol.step(6.008);

        // Empty compartments decay to nothing, then 6.008 mg enter V1 = 4.27 L: 6.008 / 4.27 = 1.40703 µg/mL.
        assertEquals(1.407, propofol.plasma(), 5e-4);
        assertEquals(0.0, propofol.effectSite(), 1e-12, "the effect site lags the plasma by one step");
    }

    @Test
    void theSecondSecondDecaysTheFirstDoseByTheRateConstantsOverOneSixtiethOfAMinute() {
        PkParameters pk = SchniderModel.parameters(SAMPLE);
        Compartments propofol = new Compartments(pk);
        propofol.step(6.008);

        propofol.step(0);

        // k10 + k12 + k13 = (1.723833 + 0.642 + 0.836) / 4.27 = 0.749844 /min; over 1/60 min the central
        // amount keeps 1 − 0.749844/60 = 0.987503 of 6.008 mg: 5.932916 mg, i.e. 1.389442 µg/mL.
        assertEquals(1.389442, propofol.plasma(), 1e-5);
        // Ce gains ke0/60 of the plasma concentration of the previous second: 0.456/60 · 1.40703 = 0.010693.
        assertEquals(0.010693, propofol.effectSite(), 1e-6);
    }
}

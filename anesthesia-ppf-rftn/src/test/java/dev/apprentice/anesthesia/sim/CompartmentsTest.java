package dev.apprentice.anesthesia.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.anesthesia.clinical.Covariates;
import org.junit.jupiter.api.Test;

class CompartmentsTest {

    private static final Covariates PATIENT = new Covariates(80, Sex.MALE, 75, 172);
    /** Schnider's slow compartment (k31 ≈ 0.0035 /min) needs about 30 h to bring Cp within 0.5 %. */
    private static final int THREE_DAYS = 3 * 24 * 3600;

    @Test
    void aLongConstantInfusionReachesTheSteadyStatePlasmaConcentrationRateOverClearance() {
        PkParameters pk = SchniderModel.parameters(PATIENT);
        Compartments propofol = new Compartments(pk);
        double mgPerSecond = 0.1;

        for (int t = 0; t < THREE_DAYS; t++) {
            propofol.step(mgPerSecond);
        }

        // CL1 is per minute: 6 mg/min / 1.723833 L/min = 3.4806 mg/L = µg/mL.
        double steadyState = 60 * mgPerSecond / pk.cl1();
        assertEquals(3.4806, steadyState, 1e-4);
        assertEquals(steadyState, propofol.plasma(), 0.005 * steadyState);
    }

    @Test
    void theEffectSiteApproachesThePlasmaConcentrationUnderAConstantInfusion() {
        Compartments remifentanil = new Compartments(MintoModel.parameters(PATIENT));

        for (int t = 0; t < 6 * 3600; t++) {
            remifentanil.step(0.1);
        }

        assertEquals(remifentanil.plasma(), remifentanil.effectSite(), 0.005 * remifentanil.plasma());
    }

    @Test
    void whatWasInfusedMinusWhatWasEliminatedIsWhatTheCompartmentsHold() {
        PkParameters pk = EleveldModel.parameters(PATIENT);
        Compartments propofol = new Compartments(pk);
        double infused = 0;
        double eliminated = 0;

        for (int t = 0; t < 2 * 3600; t++) {
            double mgPerSecond = t < 600 ? 2.0 : t < 4000 ? 0.15 : 0;
            // CL1 (L/min) clears Cp (mg/L) for one sixtieth of a minute from the start-of-second plasma.
            eliminated += pk.cl1() / 60 * propofol.plasma();
            propofol.step(mgPerSecond);
            infused += mgPerSecond;
        }

        double[] amounts = propofol.amounts();
        double held = amounts[0] + amounts[1] + amounts[2];
        assertEquals(infused - eliminated, held, 1e-9 * infused);
        assertEquals(1200 + 0.15 * 3400, infused, 1e-9);
    }

    @Test
    void aCopyEvolvesLikeTheOriginalAndIndependentlyOfIt() {
        Compartments original = new Compartments(MintoModel.parameters(PATIENT));
        for (int t = 0; t < 100; t++) {
            original.step(0.5);
        }

        Compartments copy = original.copy();
        original.step(1);
        copy.step(1);

        assertArrayEquals(original.amounts(), copy.amounts(), 0);
        assertEquals(original.effectSite(), copy.effectSite(), 0);
        double[] before = original.amounts();
        copy.step(5);
        assertArrayEquals(before, original.amounts(), 0, "stepping the copy must leave the original alone");
    }
}

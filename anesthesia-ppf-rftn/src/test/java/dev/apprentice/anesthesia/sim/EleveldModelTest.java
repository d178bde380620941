package dev.apprentice.anesthesia.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.Covariates;
import org.junit.jupiter.api.Test;

class EleveldModelTest {

    /** Eleveld 2018's reference individual: 35 years, male, 70 kg, 170 cm. */
    private static final Covariates REFERENCE = new Covariates(35, Sex.MALE, 70, 170);

    @Test
    void theReferenceIndividualHasThePublishedVolumesAndTheOpioidLoweredClearanceAndV3() {
        PkParameters pk = EleveldModel.parameters(REFERENCE);

        // Every ratio to the reference is 1 and f_ageing(x) = exp(x·0) = 1, which leaves the opioid terms
        // f_opioids(x) = exp(x·35) and the unnormalised Q3 maturation inside Q2:
        // V1 = 6.28 L, V2 = 25.5 L
        // V3 = 273 · exp(−0.0138·35) = 273 · 0.616930 = 168.42 L
        // CL = 1.79 · exp(−0.00286·35) = 1.79 · 0.904747 = 1.61950 L/min
        // f_Q3mat(PMA = 35·52 + 40 = 1860 weeks) = 1860 / (1860 + 68.3) = 0.964580
        // Q2 = 1.75 · (1 + 1.30 · (1 − 0.964580)) = 1.75 · 1.046046 = 1.83058 L/min (the paper's 1.83)
        // Q3 = 1.11 · (168.42 / 273)^0.75 = 1.11 · 0.616930^0.75 = 1.11 · 0.696108 = 0.77268 L/min
        // ke0 = 0.146 · 1^−0.25 = 0.146 /min
        assertEquals(6.28, pk.v1(), 1e-9);
        assertEquals(25.5, pk.v2(), 1e-9);
        assertEquals(168.42, pk.v3(), 0.01);
        assertEquals(1.61950, pk.cl1(), 1e-4);
        assertEquals(1.83058, pk.cl2(), 1e-4);
        assertEquals(0.77268, pk.cl3(), 1e-4);
        assertEquals(0.146, pk.ke0(), 1e-12);
    }

    @Test
    void withoutTheOpioidTermsTheReferenceIndividualWouldHaveThePapersHeadlineV3ClAndQ3() {
        PkParameters pk = EleveldModel.parameters(REFERENCE);

        // Undoing f_opioids (exp(−0.0138·35), exp(−0.00286·35)) must give back θ3 = 273, θ4 = 1.79 and θ6 = 1.11.
        double v3 = pk.v3() / Math.exp(-0.0138 * 35);
        double cl = pk.cl1() / Math.exp(-0.00286 * 35);
        double q3 = 1.11 * Math.pow(v3 / 273, 0.75);

        assertEquals(273, v3, 1e-6);
        assertEquals(1.79, cl, 1e-9);
        assertEquals(1.11, q3, 1e-9);
    }

    @Test
    void aSixtyYearOld60KgWomanOf160CmMatchesTheHandComputation() {
        PkParameters pk = EleveldModel.parameters(new Covariates(60, Sex.FEMALE, 60, 160));

        // V1: f_central(60) = 60/93.6 = 0.641026, f_central(70) = 70/103.6 = 0.675676;
        //     V1 = 6.28 · 0.641026 / 0.675676 = 6.28 · 0.948718 = 5.95795 L
        // V2 = 25.5 · (60/70) · exp(−0.0156·25) = 21.857143 · 0.677057 = 14.79853 L
        // FFM (Al-Sallami, woman): BMI = 60 / 1.6² = 23.4375; (60/7.1)^−1.1 = 0.095591;
        //     1.11 − 0.11 / 1.095591 = 1.11 − 0.100402 = 1.009598;
        //     9270·60 / (8780 + 244·23.4375) = 556200 / 14498.75 = 38.36193; FFM = 38.7301 kg
        // FFM_ref (man, 35 y, 70 kg, 170 cm): BMI 24.22145, age factor 0.88 + 0.12/(1 + 5.06e−6) ≈ 1.0000,
        //     9270·70 / (6680 + 216·24.22145) = 648900 / 11911.83 = 54.4752 kg
        // V3 = 273 · (38.7301 / 54.4752) · exp(−0.0138·60) = 273 · 0.710967 · 0.436922 = 84.804 L
        // CL = 2.10 · (60/70)^0.75 · exp(−0.00286·60) = 2.10 · 0.890820 · 0.842316 = 1.57574 L/min
        //     (the clearance maturation is 1.0000 at PMA 3160 and 1860 weeks)
        // Q2 = 1.75 · (14.79853 / 25.5)^0.75 · (1 + 1.30·(1 − 3160/3228.3))
        //    = 1.75 · 0.664904 · (1 + 1.30·0.021157) = 1.75 · 0.664904 · 1.027504 = 1.19558 L/min
        // Q3 = 1.11 · (84.804 / 273)^0.75 · 0.978843 / 0.964580 = 1.11 · 0.416093 · 1.014787 = 0.46869 L/min
        // ke0 = 0.146 · (60/70)^−0.25 = 0.146 · 1.039290 = 0.151736 /min
        assertEquals(5.95795, pk.v1(), 1e-5);
        assertEquals(14.79853, pk.v2(), 1e-5);
        assertEquals(84.804, pk.v3(), 1e-3);
        assertEquals(1.57574, pk.cl1(), 1e-5);
        assertEquals(1.19558, pk.cl2(), 1e-5);
        assertEquals(0.46869, pk.cl3(), 1e-5);
        assertEquals(0.151736, pk.ke0(), 1e-6);
    }

    @Test
    void alSallamiFatFreeMassOfTheReferenceManAndOfAWomanMatchesTheHandComputation() {
        assertEquals(54.4752, EleveldModel.fatFreeMass(35, Sex.MALE, 70, 170), 1e-3);
        assertEquals(38.7301, EleveldModel.fatFreeMass(60, Sex.FEMALE, 60, 160), 1e-3);
    }

    @Test
    void theEnumNamesEleveldAndGivesItsParameters() {
        Covariates p = new Covariates(52, Sex.FEMALE, 68, 165);

        PropofolModel model = PropofolModel.byId("eleveld");

        assertEquals(PropofolModel.ELEVELD, model);
        assertEquals(EleveldModel.parameters(p), model.parameters(p));
        assertTrue(model.parameters(p).v1() > SchniderModel.parameters(p).v1(),
                "Eleveld's central volume (about 6 L) is larger than Schnider's fixed 4.27 L");
    }
}

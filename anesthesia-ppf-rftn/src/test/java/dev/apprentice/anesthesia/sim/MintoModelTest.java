package dev.apprentice.anesthesia.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apprentice.anesthesia.clinical.Covariates;
import org.junit.jupiter.api.Test;

class MintoModelTest {

    @Test
    void aFortyYearOldManHasTheModelsTypicalValuesShiftedOnlyByHisLeanBodyMass() {
        PkParameters pk = MintoModel.parameters(new Covariates(40, Sex.MALE, 70, 175));

        // LBM = 1.1·70 − 128·(70/175)² = 77 − 128·0.16 = 77 − 20.48 = 56.52 kg; age − 40 = 0, LBM − 55 = 1.52
        // V1  = 5.1 + 0.072·1.52 = 5.20944 L
        // V2  = 9.82 + 0.108·1.52 = 9.98416 L
        // CL1 = 2.6 + 0.0191·1.52 = 2.629032 L/min; CL2 = 2.05; CL3 = 0.076; ke0 = 0.595
        assertEquals(5.20944, pk.v1(), 1e-9);
        assertEquals(9.98416, pk.v2(), 1e-9);
        assertEquals(5.42, pk.v3(), 1e-12);
        assertEquals(2.629032, pk.cl1(), 1e-9);
        assertEquals(2.05, pk.cl2(), 1e-12);
        assertEquals(0.076, pk.cl3(), 1e-12);
        assertEquals(0.595, pk.ke0(), 1e-12);
    }

    @Test
    void aSeventyYearOldWomanHasSmallerVolumesSlowerClearancesAndASlowerEffectSite() {
        PkParameters pk = MintoModel.parameters(new Covariates(70, Sex.FEMALE, 60, 160));

        // LBM = 1.07·60 − 148·(60/160)² = 64.2 − 148·0.140625 = 64.2 − 20.8125 = 43.3875 kg
        // age − 40 = 30, LBM − 55 = −11.6125
        // V1  = 5.1 − 0.0201·30 + 0.072·(−11.6125) = 5.1 − 0.603 − 0.8361 = 3.6609 L
        // V2  = 9.82 − 0.0811·30 + 0.108·(−11.6125) = 9.82 − 2.433 − 1.25415 = 6.13285 L
        // CL1 = 2.6 − 0.0162·30 + 0.0191·(−11.6125) = 2.6 − 0.486 − 0.22179875 = 1.89220125 L/min
        // CL2 = 2.05 − 0.0301·30 = 1.147; CL3 = 0.076 − 0.00113·30 = 0.0421; ke0 = 0.595 − 0.007·30 = 0.385
        assertEquals(3.6609, pk.v1(), 1e-9);
        assertEquals(6.13285, pk.v2(), 1e-9);
        assertEquals(5.42, pk.v3(), 1e-12);
        assertEquals(1.89220125, pk.cl1(), 1e-9);
        assertEquals(1.147, pk.cl2(), 1e-9);
        assertEquals(0.0421, pk.cl3(), 1e-9);
        assertEquals(0.385, pk.ke0(), 1e-9);
    }
}

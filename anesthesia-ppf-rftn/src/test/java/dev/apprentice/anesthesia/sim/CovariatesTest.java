package dev.apprentice.anesthesia.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.Covariates;
import org.junit.jupiter.api.Test;

class CovariatesTest {

    @Test
    void jamesLeanBodyMassOfAManMatchesTheHandComputation() {
        Covariates man = new Covariates(80, Sex.MALE, 75, 172);

        // 1.1·75 − 128·(75/172)² = 82.5 − 128·0.1901365 = 82.5 − 24.33748 = 58.16252 kg
        assertEquals(58.16252, man.leanBodyMass(), 1e-5);
    }

    @Test
    void jamesLeanBodyMassOfAWomanMatchesTheHandComputation() {
        Covariates woman = new Covariates(70, Sex.FEMALE, 60, 160);

        // 1.07·60 − 148·(60/160)² = 64.2 − 148·0.140625 = 64.2 − 20.8125 = 43.3875 kg
        assertEquals(43.3875, woman.leanBodyMass(), 1e-9);
    }

    @Test
    void aBodyMassIndexWhereJamesGivesNoLeanMassIsRefusedNamingTheWeight() {
        // A 150 cm woman of 170 kg (BMI 75.6): 1.07·170 − 148·(170/150)² = 181.9 − 190.09 = −8.19 kg.
        IllegalArgumentException woman = assertThrows(IllegalArgumentException.class,
                () -> new Covariates(45, Sex.FEMALE, 170, 150));
        // A 170 cm man of 250 kg (BMI 86.5): 1.1·250 − 128·(250/170)² = 275 − 276.82 = −1.82 kg.
        IllegalArgumentException man = assertThrows(IllegalArgumentException.class,
                () -> new Covariates(45, Sex.MALE, 250, 170));

        assertTrue(woman.getMessage().startsWith("weightKg:"), woman.getMessage());
        assertTrue(woman.getMessage().contains("James"), woman.getMessage());
        assertTrue(man.getMessage().startsWith("weightKg:"), man.getMessage());
    }

    @Test
    void theBodyMassIndexIsWeightOverHeightSquared() {
        assertEquals(70 / (1.7 * 1.7), new Covariates(35, Sex.MALE, 70, 170).bodyMassIndex(), 1e-12);
    }
}

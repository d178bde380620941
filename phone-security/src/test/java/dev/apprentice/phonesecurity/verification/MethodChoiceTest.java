package dev.apprentice.phonesecurity.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MethodChoiceTest {

    @Test
    void eachChoiceNamesTheMethodItMakesAndIsFoundByThatName() {
        for (MethodChoice choice : MethodChoice.values()) {
            assertEquals(choice.id(), choice.method().name());
            assertEquals(choice, MethodChoice.byId(choice.id()).orElseThrow());
            assertEquals(choice.id(), VerificationMethods.byName(choice.id()).orElseThrow().name());
        }
        assertTrue(MethodChoice.byId("svm").isEmpty());
    }

    @Test
    void theCatalogueListsTheFourBaselinesThenTheThreeImitationMethods() {
        assertEquals(Arrays.asList("scaled-manhattan", "nearest-neighbours", "gaussian-density", "logistic-regression"),
                VerificationMethods.baselines().stream().map(VerificationMethod::name).toList());
        assertEquals(Arrays.asList("imitation", "imitation-policy", "imitation-discriminator"),
                VerificationMethods.imitation().stream().map(VerificationMethod::name).toList());
        assertEquals(7, VerificationMethods.all().size());
    }
}

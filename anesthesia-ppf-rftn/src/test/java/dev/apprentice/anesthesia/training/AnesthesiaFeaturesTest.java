package dev.apprentice.anesthesia.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.il.spaces.Box;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnesthesiaFeaturesTest {

    private final AnesthesiaFeatures features = new AnesthesiaFeatures();

    @Test
    void everyInputInTheSpaceGivesFiniteFeaturesInsideTheOutputSpace() {
        Box in = features.inputSpace();
        Box out = features.outputSpace();
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            // Given an input anywhere in the space, each value a third of the time at one of its ends
            float[] o = new float[ClinicalObservation.DIMENSION];
            for (int k = 0; k < o.length; k++) {
                float low = in.low()[k];
                float high = in.high()[k];
                int pick = rng.nextInt(6);
                o[k] = pick == 0 ? low : pick == 1 ? high : (float) (low + rng.nextDouble() * (high - low));
            }

            // When it is encoded
            float[] f = features.encode(o);

            // Then every feature is finite and inside the declared output space
            assertEquals(AnesthesiaFeatures.DIMENSION, f.length);
            out.validate(f, "features of input " + i);
        }
    }

    @Test
    void aTypicalMaintenanceObservationGivesFeaturesWellInsideTheirScale() {
        float[] o = new float[ClinicalObservation.DIMENSION];
        o[ClinicalObservation.AGE] = 50;
        o[ClinicalObservation.MALE] = 1;
        o[ClinicalObservation.WEIGHT] = 75;
        o[ClinicalObservation.HEIGHT] = 175;
        o[ClinicalObservation.ELAPSED] = 1800;
        o[ClinicalObservation.PHASE] = 1;
        for (int k = 0; k < ClinicalObservation.BIS_HISTORY; k++) {
            o[ClinicalObservation.BIS + k] = 50;
        }
        o[ClinicalObservation.MAP] = 80;
        o[ClinicalObservation.PROPOFOL_RATE] = 8;
        o[ClinicalObservation.REMIFENTANIL_RATE] = 0.15f;
        o[ClinicalObservation.PROPOFOL_CE] = 3;
        o[ClinicalObservation.REMIFENTANIL_CE] = 4;

        for (float f : features.encode(o)) {
            assertTrue(Math.abs(f) <= 3, "feature " + f);
        }
    }

    @Test
    void theEncodingIsNamedInModelCardsByItsVersionedId() {
        assertEquals("anesthesia-features-v1", features.id());
        assertEquals(ClinicalObservation.SPACE, features.inputSpace());
        assertEquals(AnesthesiaFeatures.DIMENSION, features.outputSpace().dimension());
    }
}

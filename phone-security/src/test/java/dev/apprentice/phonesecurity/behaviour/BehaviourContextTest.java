package dev.apprentice.phonesecurity.behaviour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BehaviourContextTest {

    @Test
    void theVectorIsActivityAppAndHourAndReadsBack() {
        BehaviourContext context = new BehaviourContext(Activity.WALKING, App.MAPS, OptionalInt.of(17));

        float[] vector = context.toVector();

        assertArrayEquals(new float[] {2, 6, 17}, vector);
        assertEquals(context, BehaviourContext.fromVector(vector));
        BehaviourContext.space().validate(vector, "context");
    }

    @Test
    void anUnknownHourIsMinusOneAndInsideTheSpace() {
        BehaviourContext context = new BehaviourContext(Activity.SITTING, App.UNKNOWN, OptionalInt.empty());

        float[] vector = context.toVector();

        assertEquals(-1f, vector[BehaviourContext.LOCAL_HOUR]);
        assertEquals(context, BehaviourContext.fromVector(vector));
        BehaviourContext.space().validate(vector, "context");
    }

    @Test
    void rejectsAnAppIndexOutsideTheCatalogueNamingItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BehaviourContext.fromVector(new float[] {0, App.values().length, 3}));

        assertTrue(e.getMessage().startsWith("state[1] (app)"), e.getMessage());
    }

    @Test
    void rejectsAFractionalActivityIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BehaviourContext.fromVector(new float[] {0.5f, 1, 3}));

        assertTrue(e.getMessage().startsWith("state[0] (activity)"), e.getMessage());
    }
}

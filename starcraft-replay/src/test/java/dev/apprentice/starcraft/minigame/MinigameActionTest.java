package dev.apprentice.starcraft.minigame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MinigameActionTest {

    private static void assertRejected(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "expected '" + fragment + "' in: " + e.getMessage());
        }
    }

    @Test
    void everyFunctionRoundTripsThroughToVectorAndFromVector() {
        List<MinigameAction> actions = List.of(MinigameAction.noOp(), MinigameAction.selectPoint(0.1f, 0.9f),
                MinigameAction.selectRect(0.75f, 0.5f, 0.25f, 1f), MinigameAction.selectArmy(),
                MinigameAction.move(0f, 1f), MinigameAction.attack(0.4f, 0.6f));

        for (MinigameAction action : actions) {
            MinigameAction read = MinigameAction.fromVector(action.toVector());

            assertEquals(action, read);
        }
    }

    @Test
    void theVectorHoldsSixScoresThenTheFourCoordinates() {
        MinigameAction drag = MinigameAction.selectRect(0.1f, 0.2f, 0.3f, 0.4f);

        float[] vector = drag.toVector();

        assertArrayEquals(new float[] {-1, -1, 1, -1, -1, -1, 0.1f, 0.2f, 0.3f, 0.4f}, vector);
        assertEquals(MinigameAction.WIDTH, vector.length);
    }

    @Test
    void theFunctionIsTheLargestScoreAndTheFirstOnATie() {
        float[] movePreferred = {0.1f, -0.3f, 0.2f, 0.5f, 0.9f, 0.8f, 0.5f, 0.5f, 0, 0};
        float[] tie = {0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.5f, 0.5f, 0, 0};

        MinigameAction move = MinigameAction.fromVector(movePreferred);
        MinigameAction first = MinigameAction.fromVector(tie);

        assertEquals(MinigameFunction.MOVE_SCREEN, move.function());
        assertEquals(MinigameFunction.NO_OP, first.function());
    }

    @Test
    void aVectorOfTheWrongLengthIsRefusedNamingBothLengths() {
        assertRejected(() -> MinigameAction.fromVector(new float[11]), "expected 10 values", "found 11");
        assertRejected(() -> MinigameAction.fromVector(null), "expected 10 values", "found null");
    }

    @Test
    void aNaNIsRefusedNamingTheComponent() {
        float[] scoreNaN = MinigameAction.noOp().toVector();
        scoreNaN[4] = Float.NaN;
        float[] coordinateNaN = MinigameAction.noOp().toVector();
        coordinateNaN[7] = Float.NaN;

        assertRejected(() -> MinigameAction.fromVector(scoreNaN), "Move_screen score (index 4)", "found NaN");
        assertRejected(() -> MinigameAction.fromVector(coordinateNaN), "y (index 7)", "found NaN");
    }

    @Test
    void valuesOutsideTheirRangeAreRefusedNamingTheRange() {
        float[] score = MinigameAction.noOp().toVector();
        score[0] = 1.5f;
        float[] coordinate = MinigameAction.noOp().toVector();
        coordinate[8] = -0.25f;
        float[] infinite = MinigameAction.noOp().toVector();
        infinite[9] = Float.POSITIVE_INFINITY;

        assertRejected(() -> MinigameAction.fromVector(score), "no_op score (index 0)", "[-1, 1]", "found 1.5");
        assertRejected(() -> MinigameAction.fromVector(coordinate), "x2 (index 8)", "[0, 1]", "found -0.25");
        assertRejected(() -> MinigameAction.fromVector(infinite), "y2 (index 9)", "found Infinity");
        assertRejected(() -> MinigameAction.move(1.01f, 0), "minigame action x", "found 1.01");
    }

    @Test
    void describeSpeaksPysc2InScreenCells() {
        assertEquals("Move_screen(now, [8, 31])", MinigameAction.move(0.25f, 1f).describe());
        assertEquals("select_rect(select, [0, 16], [3, 31])",
                MinigameAction.selectRect(0f, 0.5f, 0.1f, 0.99f).describe());
        assertEquals("select_army()", MinigameAction.selectArmy().describe());
        assertEquals(331, MinigameFunction.MOVE_SCREEN.pysc2Id());
    }
}

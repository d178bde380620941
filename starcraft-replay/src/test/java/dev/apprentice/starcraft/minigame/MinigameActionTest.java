package dev.apprentice.starcraft.minigame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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
    void everyFunctionWithArgumentsHasItsOwnCoordinateSlotsAfterTheSixScores() {
        assertEquals(-1, MinigameFunction.NO_OP.argumentOffset());
        assertEquals(6, MinigameFunction.SELECT_POINT.argumentOffset());
        assertEquals(8, MinigameFunction.SELECT_RECT.argumentOffset());
        assertEquals(-1, MinigameFunction.SELECT_ARMY.argumentOffset());
        assertEquals(12, MinigameFunction.MOVE_SCREEN.argumentOffset());
        assertEquals(14, MinigameFunction.ATTACK_SCREEN.argumentOffset());
        assertEquals(4, MinigameFunction.SELECT_RECT.arguments().width());
        assertEquals(16, MinigameAction.WIDTH);
    }

    @Test
    void theVectorHoldsSixScoresThenTheChosenFunctionsCoordinatesInItsOwnSlotsAndOneHalfElsewhere() {
        MinigameAction drag = MinigameAction.selectRect(0.1f, 0.2f, 0.3f, 0.4f);
        MinigameAction move = MinigameAction.move(0.7f, 0.8f);

        float[] dragVector = drag.toVector();
        float[] moveVector = move.toVector();

        assertArrayEquals(new float[] {-1, -1, 1, -1, -1, -1, 0.5f, 0.5f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.5f,
                0.5f, 0.5f}, dragVector);
        assertArrayEquals(new float[] {-1, -1, -1, -1, 1, -1, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.7f, 0.8f,
                0.5f, 0.5f}, moveVector);
    }

    @Test
    void anExpertsVectorHoldsWhereEveryFunctionWouldPointAndTheChosenFunctionsOwnCoordinates() {
        MinigameTargets intents = new MinigameTargets(0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 0.07f, 0.08f,
                0.09f, 0.1f);

        float[] noOp = MinigameAction.noOp().toVector(intents);
        float[] attack = MinigameAction.attack(0.9f, 0.95f).toVector(intents);

        assertArrayEquals(new float[] {1, -1, -1, -1, -1, -1, 0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 0.07f,
                0.08f, 0.09f, 0.1f}, noOp);
        assertArrayEquals(new float[] {-1, -1, -1, -1, -1, 1, 0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 0.07f,
                0.08f, 0.9f, 0.95f}, attack);
        assertEquals(MinigameAction.attack(0.9f, 0.95f), MinigameAction.fromVector(attack));
    }

    @Test
    void fromVectorReadsOnlyTheChosenFunctionsOwnSlots() {
        float[] vector = {-1, 0.5f, -1, -1, -1, 0.2f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1f};
        float[] rectangle = vector.clone();
        rectangle[2] = 1;

        MinigameAction click = MinigameAction.fromVector(vector);
        MinigameAction drag = MinigameAction.fromVector(rectangle);

        assertEquals(MinigameAction.selectPoint(0.1f, 0.2f), click);
        assertEquals(MinigameAction.selectRect(0.3f, 0.4f, 0.5f, 0.6f), drag);
    }

    @Test
    void theFunctionIsTheLargestScoreAndTheFirstOnATie() {
        float[] movePreferred = MinigameAction.noOp().toVector();
        System.arraycopy(new float[] {0.1f, -0.3f, 0.2f, 0.5f, 0.9f, 0.8f}, 0, movePreferred, 0, 6);
        float[] tie = MinigameAction.noOp().toVector();
        Arrays.fill(tie, 0, 6, 0.7f);

        MinigameAction move = MinigameAction.fromVector(movePreferred);
        MinigameAction first = MinigameAction.fromVector(tie);

        assertEquals(MinigameFunction.MOVE_SCREEN, move.function());
        assertEquals(MinigameFunction.NO_OP, first.function());
    }

    @Test
    void aVectorOfTheWrongLengthIsRefusedNamingBothLengths() {
        assertRejected(() -> MinigameAction.fromVector(new float[10]), "expected 16 values", "found 10");
        assertRejected(() -> MinigameAction.fromVector(null), "expected 16 values", "found null");
    }

    @Test
    void aNaNIsRefusedNamingTheComponentEvenInTheSlotsOfAFunctionNotChosen() {
        float[] scoreNaN = MinigameAction.noOp().toVector();
        scoreNaN[4] = Float.NaN;
        float[] coordinateNaN = MinigameAction.noOp().toVector();
        coordinateNaN[7] = Float.NaN;
        float[] unchosenNaN = MinigameAction.move(0.5f, 0.5f).toVector();
        unchosenNaN[15] = Float.NaN;

        assertRejected(() -> MinigameAction.fromVector(scoreNaN), "Move_screen score (index 4)", "found NaN");
        assertRejected(() -> MinigameAction.fromVector(coordinateNaN), "select_point y (index 7)", "found NaN");
        assertRejected(() -> MinigameAction.fromVector(unchosenNaN), "Attack_screen y (index 15)", "found NaN");
    }

    @Test
    void valuesOutsideTheirRangeAreRefusedNamingTheRange() {
        float[] score = MinigameAction.noOp().toVector();
        score[0] = 1.5f;
        float[] coordinate = MinigameAction.noOp().toVector();
        coordinate[10] = -0.25f;
        float[] infinite = MinigameAction.noOp().toVector();
        infinite[13] = Float.POSITIVE_INFINITY;

        assertRejected(() -> MinigameAction.fromVector(score), "no_op score (index 0)", "[-1, 1]", "found 1.5");
        assertRejected(() -> MinigameAction.fromVector(coordinate), "select_rect x2 (index 10)", "[0, 1]",
                "found -0.25");
        assertRejected(() -> MinigameAction.fromVector(infinite), "Move_screen y (index 13)", "found Infinity");
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

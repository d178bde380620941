package dev.apprentice.starcraft.minigame;

import java.util.Arrays;

/** The screen cells with one player_relative code, as the scripted experts see them. */
final class ScreenCells {

    private static final int SIZE = FeatureLayers.SCREEN_SIZE;

    private final int[] cells;

    private ScreenCells(int[] cells) {
        this.cells = cells;
    }

    /** The cells whose screen player_relative is {@code who}, in row-major order (y, then x). */
    static ScreenCells of(float[] observation, PlayerRelative who) {
        int offset = FeatureLayers.Layer.SCREEN_PLAYER_RELATIVE.offset();
        float value = who.layerValue();
        int[] found = new int[SIZE * SIZE];
        int n = 0;
        for (int cell = 0; cell < SIZE * SIZE; cell++) {
            if (observation[offset + cell] == value) {
                found[n++] = cell;
            }
        }
        return new ScreenCells(Arrays.copyOf(found, n));
    }

    boolean isEmpty() {
        return cells.length == 0;
    }

    int size() {
        return cells.length;
    }

    /** The i-th cell as {@code y * 32 + x}. */
    int cell(int i) {
        return cells[i];
    }

    boolean contains(int cell) {
        return Arrays.binarySearch(cells, cell) >= 0;
    }

    /** Mean x of the cells' centres, as a screen coordinate in [0, 1]. */
    float centroidX() {
        double sum = 0;
        for (int cell : cells) {
            sum += cell % SIZE + 0.5;
        }
        return (float) (sum / cells.length / SIZE);
    }

    /** Mean y of the cells' centres, as a screen coordinate in [0, 1]. */
    float centroidY() {
        double sum = 0;
        for (int cell : cells) {
            sum += cell / SIZE + 0.5;
        }
        return (float) (sum / cells.length / SIZE);
    }

    static int x(int cell) {
        return cell % SIZE;
    }

    static int y(int cell) {
        return cell / SIZE;
    }
}

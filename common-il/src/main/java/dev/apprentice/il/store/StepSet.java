package dev.apprentice.il.store;

import java.util.Arrays;

/**
 * The step indices present in one episode, as sorted disjoint runs [from, to], so its memory
 * follows what is stored rather than the largest step number a sender chose.
 *
 * <p>An episode received in order is one run: 8 bytes of runs however long it is, and adding its
 * next step is O(1). Scattered steps cost one run each: at most 8 bytes per stored step, plus up to
 * half as much again of spare capacity while the array grows; adding one is O(log k) to find and
 * O(k) to insert among k runs. Runs never outnumber stored steps and the array never shrinks, so
 * the set holds at most 12 bytes per stored step plus a 40-byte frame (object, array header).
 */
final class StepSet {

    /** Runs back to back: from0, to0, from1, to1, ...; the first {@code 2 * runs} ints are used. */
    private int[] bounds = new int[2];
    private int runs;

    /** Adds {@code step}; returns false, changing nothing, when it is already present. */
    boolean add(int step) {
        if (runs == 0) {
            bounds[0] = step;
            bounds[1] = step;
            runs = 1;
            return true;
        }
        int lastTo = bounds[2 * runs - 1];
        if (step == lastTo + 1) {
            bounds[2 * runs - 1] = step;
            return true;
        }
        if (step > lastTo) {
            insertRun(runs, step);
            return true;
        }
        int i = runAtOrBefore(step);
        if (i >= 0 && step <= bounds[2 * i + 1]) {
            return false;
        }
        boolean joinsBefore = i >= 0 && bounds[2 * i + 1] == step - 1;
        boolean joinsAfter = i + 1 < runs && bounds[2 * (i + 1)] == step + 1;
        if (joinsBefore && joinsAfter) {
            bounds[2 * i + 1] = bounds[2 * (i + 1) + 1];
            System.arraycopy(bounds, 2 * (i + 2), bounds, 2 * (i + 1), 2 * (runs - i - 2));
            runs--;
        } else if (joinsBefore) {
            bounds[2 * i + 1] = step;
        } else if (joinsAfter) {
            bounds[2 * (i + 1)] = step;
        } else {
            insertRun(i + 1, step);
        }
        return true;
    }

    boolean contains(int step) {
        int i = runAtOrBefore(step);
        return i >= 0 && step <= bounds[2 * i + 1];
    }

    /** The highest step present, or -1 when none is. */
    int last() {
        return runs == 0 ? -1 : bounds[2 * runs - 1];
    }

    /** Whether the steps are exactly 0 to {@code step}, with no gap. */
    boolean isZeroTo(int step) {
        return runs == 1 && bounds[0] == 0 && bounds[1] == step;
    }

    /** The index of the last run starting at or before {@code step}, or -1 when every run starts after it. */
    private int runAtOrBefore(int step) {
        int lo = 0;
        int hi = runs - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (bounds[2 * mid] <= step) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    private void insertRun(int at, int step) {
        if (2 * (runs + 1) > bounds.length) {
            bounds = Arrays.copyOf(bounds, 2 * (runs + Math.max(1, runs / 2)));
        }
        System.arraycopy(bounds, 2 * at, bounds, 2 * (at + 1), 2 * (runs - at));
        bounds[2 * at] = step;
        bounds[2 * at + 1] = step;
        runs++;
    }
}

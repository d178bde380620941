package dev.apprentice.il.algorithms;

import java.util.SplittableRandom;

/**
 * Derives every random stream of a training run from (seed, iteration, purpose) alone. A trainer
 * therefore never has to save a random generator's internal state: resuming at iteration k
 * recreates exactly the streams an uninterrupted run would have used, and parallel workers get
 * independent streams whatever the thread count.
 */
public final class IterationSeeds {

    private IterationSeeds() {
    }

    /** A fresh generator for one purpose (e.g. minibatch order, rollout seeds) in one iteration. */
    public static SplittableRandom random(long seed, int iteration, int purpose) {
        return new SplittableRandom(mix(seed, iteration, purpose));
    }

    /** A 64-bit seed for one purpose in one iteration; distinct inputs give unrelated seeds. */
    public static long mix(long seed, int iteration, int purpose) {
        long z = seed;
        z = murmur(z + 0x9E3779B97F4A7C15L * (iteration + 1L));
        z = murmur(z + 0xC2B2AE3D27D4EB4FL * (purpose + 1L));
        return z;
    }

    /** MurmurHash3's 64-bit finaliser (Appleby), a bijective bit mixer. */
    private static long murmur(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}

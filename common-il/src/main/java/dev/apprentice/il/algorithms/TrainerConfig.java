package dev.apprentice.il.algorithms;

import java.util.Map;

/** An algorithm's immutable, validated settings; {@link #toMap()} is what model cards record. */
public interface TrainerConfig {

    /** Every setting by name, with JSON-friendly values (numbers, strings, lists). */
    Map<String, Object> toMap();

    /** The seed all of the trainer's randomness derives from. */
    long seed();

    /**
     * The settings that determine the trained parameters: {@link #toMap()} without execution
     * settings, such as thread counts, that never change the result. A checkpoint resumes only
     * under the same result settings, so a run may continue with another thread count.
     */
    default Map<String, Object> resultSettings() {
        return toMap();
    }
}

package dev.apprentice.phonesecurity.behaviour;

/**
 * The layout of one behaviour sample, the action a of the owner's policy: 30 typing timings of the
 * 8-digit entry task (milliseconds) followed by 112 motion-sensor statistics (mean, standard
 * deviation, skewness and kurtosis of 7 sensors' axes), as in the Hold-and-Tap data (Buriro et al.
 * 2021). Real and synthetic users share it, so one service handles both.
 */
public final class BehaviourLayout {

    /** Typing-timing features per sample. */
    public static final int TOUCH = 30;
    /** Motion-sensor features per sample. */
    public static final int SENSOR = 112;
    /** All features: touch first, then sensor. */
    public static final int FEATURES = TOUCH + SENSOR;

    private BehaviourLayout() {
    }
}

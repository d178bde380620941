package dev.apprentice.anesthesia.sim;

/**
 * How the monitors distort what they show: the BIS monitor's processing delay and its noise
 * (first-order autoregressive, so that it wanders like a real index rather than jumping every
 * second), and white noise on the arterial MAP.
 *
 * @param bisDelaySeconds seconds between the brain's state and the BIS shown
 * @param bisNoiseSd standard deviation of the BIS noise, BIS points
 * @param bisNoiseTimeConstant correlation time of the BIS noise, s
 * @param mapNoiseSd standard deviation of the MAP noise, mmHg
 */
public record MonitorNoise(int bisDelaySeconds, double bisNoiseSd, double bisNoiseTimeConstant, double mapNoiseSd) {

    /** 15 s BIS delay, BIS noise 3 points with a 10 s correlation time, MAP noise 1.5 mmHg. */
    public static final MonitorNoise DEFAULT = new MonitorNoise(15, 3, 10, 1.5);
    /** Perfect monitors (for checks by hand). */
    public static final MonitorNoise NONE = new MonitorNoise(0, 0, 1, 0);

    public MonitorNoise {
        if (bisDelaySeconds < 0 || bisDelaySeconds > 120) {
            throw new IllegalArgumentException("bisDelaySeconds: expected 0 to 120, found " + bisDelaySeconds);
        }
        if (!(bisNoiseSd >= 0 && bisNoiseSd <= 20) || !(mapNoiseSd >= 0 && mapNoiseSd <= 30)) {
            throw new IllegalArgumentException("noise: expected standard deviations in [0, 20] BIS and [0, 30] mmHg, found "
                    + bisNoiseSd + " and " + mapNoiseSd);
        }
        if (!(bisNoiseTimeConstant > 0 && bisNoiseTimeConstant <= 600)) {
            throw new IllegalArgumentException("bisNoiseTimeConstant: expected (0, 600] s, found " + bisNoiseTimeConstant);
        }
    }
}

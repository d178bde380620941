package dev.apprentice.anesthesia.sim;

import java.util.random.RandomGenerator;

/**
 * A case's surgical stimulation as additive disturbances of BIS and MAP, second by second, before
 * the analgesic attenuation the simulator applies: laryngoscopy and intubation 4–6 minutes in
 * (+12 BIS, +25 mmHg, fading with a 2-minute time constant), skin incision 10–15 minutes in (+10,
 * +20, 3 minutes) followed by a sustained surgical level (+5, +10) with random surgical events
 * (every 3–8 minutes, +3–8 BIS and twice that in mmHg, 1 minute), and closure in the last
 * 10 minutes (the sustained level falls to +2, +4). The profile is this project's own, shaped
 * after the disturbance profiles used in controller comparisons.
 */
public final class SurgicalStimulation {

    private final float[] bis;
    private final float[] map;
    private final int intubation;
    private final int incision;
    private final int closure;

    private SurgicalStimulation(int seconds, int intubation, int incision, int closure) {
        this.bis = new float[seconds];
        this.map = new float[seconds];
        this.intubation = intubation;
        this.incision = incision;
        this.closure = closure;
    }

    /** A case of {@code seconds} seconds whose event times come from {@code rng}. */
    public static SurgicalStimulation random(int seconds, RandomGenerator rng) {
        if (seconds < 1200) {
            throw new IllegalArgumentException("seconds: a case with stimulation lasts at least 1,200 s, found " + seconds);
        }
        int intubation = 240 + rng.nextInt(121);
        int incision = 600 + rng.nextInt(301);
        int closure = Math.max(incision + 60, seconds - 600);
        SurgicalStimulation s = new SurgicalStimulation(seconds, intubation, incision, closure);
        s.addEvent(intubation, 12, 25, 120);
        s.addEvent(incision, 10, 20, 180);
        for (int t = incision; t < seconds; t++) {
            double level = t < closure ? 1 : 0.4;
            s.bis[t] += (float) (5 * level);
            s.map[t] += (float) (10 * level);
        }
        int t = incision + 180 + rng.nextInt(301);
        while (t < closure) {
            double size = 3 + 5 * rng.nextDouble();
            s.addEvent(t, size, 2 * size, 60);
            t += 180 + rng.nextInt(301);
        }
        return s;
    }

    /** No stimulation at all (for checks by hand). */
    public static SurgicalStimulation none(int seconds) {
        return new SurgicalStimulation(seconds, -1, -1, -1);
    }

    /** A 30-second rise, then an exponential fade. */
    private void addEvent(int start, double bisSize, double mapSize, double fadeSeconds) {
        for (int t = start; t < bis.length; t++) {
            double since = t - start;
            double shape = since < 30 ? since / 30 : Math.exp(-(since - 30) / fadeSeconds);
            // Only the fade may end the event: the rise starts from zero.
            if (since >= 30 && shape < 1e-3) {
                break;
            }
            bis[t] += (float) (bisSize * shape);
            map[t] += (float) (mapSize * shape);
        }
    }

    /** The case's length, s. */
    public int seconds() {
        return bis.length;
    }

    /** BIS disturbance at second {@code t} (0 past the end). */
    public double bis(int t) {
        return t >= 0 && t < bis.length ? bis[t] : 0;
    }

    /** MAP disturbance at second {@code t}, mmHg (0 past the end). */
    public double map(int t) {
        return t >= 0 && t < map.length ? map[t] : 0;
    }

    /** Second of intubation, or −1 without stimulation. */
    public int intubation() {
        return intubation;
    }

    /** Second of skin incision, or −1. */
    public int incision() {
        return incision;
    }

    /** Second closure starts, or −1. */
    public int closure() {
        return closure;
    }
}

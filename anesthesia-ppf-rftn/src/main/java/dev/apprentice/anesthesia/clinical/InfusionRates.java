package dev.apprentice.anesthesia.clinical;

/**
 * Both infusion rates as clinicians dose them: propofol in mg/kg/h, remifentanil in µg/kg/min.
 *
 * @param propofol propofol rate, mg/kg/h
 * @param remifentanil remifentanil rate, µg/kg/min
 */
public record InfusionRates(double propofol, double remifentanil) {

    /** No drug. */
    public static final InfusionRates ZERO = new InfusionRates(0, 0);

    /** The rates an action vector holds ({propofol, remifentanil}). */
    public static InfusionRates of(float[] action) {
        return new InfusionRates(action[0], action[1]);
    }

    /** This as an action vector {propofol mg/kg/h, remifentanil µg/kg/min}. */
    public float[] toAction() {
        return new float[] {(float) propofol, (float) remifentanil};
    }

    /** The propofol rate for a patient of {@code weightKg}, mg/s. */
    public double propofolMgPerSecond(double weightKg) {
        return propofol * weightKg / 3600;
    }

    /** The remifentanil rate for a patient of {@code weightKg}, µg/s. */
    public double remifentanilUgPerSecond(double weightKg) {
        return remifentanil * weightKg / 60;
    }

    /** Rates per kg from absolute rates (mg/s, µg/s) for a patient of {@code weightKg}. */
    public static InfusionRates perKg(double propofolMgPerSecond, double remifentanilUgPerSecond, double weightKg) {
        return new InfusionRates(propofolMgPerSecond * 3600 / weightKg, remifentanilUgPerSecond * 60 / weightKg);
    }
}

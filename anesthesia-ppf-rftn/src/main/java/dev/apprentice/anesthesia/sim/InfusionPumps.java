package dev.apprentice.anesthesia.sim;

/**
 * What the syringe pumps can deliver: about 6.67 mg/s of propofol (1,200 mL/h of 20 mg/mL) and
 * 16.67 µg/s of remifentanil; a pump never delivers a negative rate.
 */
public final class InfusionPumps {

    /** Largest propofol rate, mg/s. */
    public static final double PROPOFOL_MAX_MG_PER_S = 6.67;
    /** Largest remifentanil rate, µg/s. */
    public static final double REMIFENTANIL_MAX_UG_PER_S = 16.67;

    private InfusionPumps() {
    }

    /** The propofol rate a pump delivers when asked for {@code mgPerSecond}. */
    public static double propofol(double mgPerSecond) {
        return Math.max(0, Math.min(PROPOFOL_MAX_MG_PER_S, mgPerSecond));
    }

    /** The remifentanil rate a pump delivers when asked for {@code ugPerSecond}. */
    public static double remifentanil(double ugPerSecond) {
        return Math.max(0, Math.min(REMIFENTANIL_MAX_UG_PER_S, ugPerSecond));
    }
}

package dev.apprentice.anesthesia.sim;

/**
 * This project's mean-arterial-pressure model: both drugs lower MAP multiplicatively from the
 * patient's baseline by sigmoid effects of their effect-site concentrations (propofol: up to 40 %,
 * half at 4.5 µg/mL, steepness 1.6; remifentanil: up to 30 %, half at 8 ng/mL, steepness 1.5), and
 * surgical stimulation raises it.
 */
public final class Hemodynamics {

    static final double PROPOFOL_MAX_DROP = 0.40;
    static final double PROPOFOL_C50 = 4.5;
    static final double PROPOFOL_GAMMA = 1.6;
    static final double REMIFENTANIL_MAX_DROP = 0.30;
    static final double REMIFENTANIL_C50 = 8;
    static final double REMIFENTANIL_GAMMA = 1.5;

    private Hemodynamics() {
    }

    /** Noise-free MAP, mmHg, without stimulation. */
    public static double map(double baseline, double propofolCe, double remifentanilCe) {
        return baseline * (1 - drop(propofolCe, PROPOFOL_MAX_DROP, PROPOFOL_C50, PROPOFOL_GAMMA))
                * (1 - drop(remifentanilCe, REMIFENTANIL_MAX_DROP, REMIFENTANIL_C50, REMIFENTANIL_GAMMA));
    }

    private static double drop(double ce, double max, double c50, double gamma) {
        if (ce <= 0) {
            return 0;
        }
        double x = Math.pow(ce / c50, gamma);
        return max * x / (1 + x);
    }
}

package dev.apprentice.anesthesia.sim;

/**
 * A patient's BIS response surface to the effect-site concentrations of both drugs (the
 * Minto/Bouillon 2004 interaction model): {@code Up = Ce_p / C50p}, {@code Ur = Ce_r / C50r},
 * {@code θ = Up / (Up + Ur)}, {@code U = (Up + Ur) / (1 − βθ + βθ²)},
 * {@code BIS = E0 − Emax · U^γ / (1 + U^γ)}, floored at 0 (published patients may have Emax > E0).
 *
 * @param c50p propofol effect-site concentration of half effect alone, µg/mL
 * @param c50r remifentanil effect-site concentration of half effect alone, ng/mL
 * @param gamma steepness γ
 * @param beta interaction β (0: additive; larger: synergy strongest at mixed ratios)
 * @param e0 BIS without drug
 * @param emax largest BIS decrease
 */
public record BisResponse(double c50p, double c50r, double gamma, double beta, double e0, double emax) {

    /** Typical values: C50p 4.47 µg/mL, C50r 19.3 ng/mL, γ 1.43, β 0, E0 = Emax = 97.4. */
    public static final BisResponse TYPICAL = new BisResponse(4.47, 19.3, 1.43, 0, 97.4, 97.4);

    public BisResponse {
        positive(c50p, "c50p");
        positive(c50r, "c50r");
        positive(gamma, "gamma");
        if (!(beta >= 0 && beta <= 10)) {
            throw new IllegalArgumentException("beta: expected a value in [0, 10], found " + beta);
        }
        if (!(e0 > 0 && e0 <= 100)) {
            throw new IllegalArgumentException("e0: expected a BIS in (0, 100], found " + e0);
        }
        if (!(emax > 0 && emax <= 120)) {
            throw new IllegalArgumentException("emax: expected a value in (0, 120], found " + emax);
        }
    }

    private static void positive(double value, String field) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": expected a positive number, found " + value);
        }
    }

    /** The interaction-model potency U for effect-site concentrations (µg/mL, ng/mL). */
    public double potency(double propofolCe, double remifentanilCe) {
        double up = Math.max(0, propofolCe) / c50p;
        double ur = Math.max(0, remifentanilCe) / c50r;
        double sum = up + ur;
        if (sum == 0) {
            return 0;
        }
        double theta = up / sum;
        return sum / (1 - beta * theta + beta * theta * theta);
    }

    /** The noise-free BIS at these effect-site concentrations. */
    public double bis(double propofolCe, double remifentanilCe) {
        double u = potency(propofolCe, remifentanilCe);
        if (u == 0) {
            return e0;
        }
        double ug = Math.pow(u, gamma);
        return Math.max(0, e0 - emax * ug / (1 + ug));
    }
}

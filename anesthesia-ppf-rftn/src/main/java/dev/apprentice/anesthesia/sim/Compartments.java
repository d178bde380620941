package dev.apprentice.anesthesia.sim;

/**
 * The amounts of one drug in the three compartments and its effect-site concentration, advanced
 * one second at a time the way open TCI implementations do (vitaldb/tivatci): an explicit Euler
 * step of the disposition over the second, then the second's dose added to the central
 * compartment. Amounts are mg (propofol) or µg (remifentanil), so concentrations come out in
 * µg/mL or ng/mL. Mutable; one per drug per simulated patient.
 */
public final class Compartments {

    private static final double DT_MINUTES = 1.0 / 60;

    private final PkParameters pk;
    private final double a11;
    private final double a12;
    private final double a13;
    private final double a21;
    private final double a22;
    private final double a31;
    private final double a33;
    private final double keDt;
    private double x1;
    private double x2;
    private double x3;
    private double ce;

    /** Empty compartments for a drug with these parameters. */
    public Compartments(PkParameters pk) {
        this.pk = pk;
        a11 = 1 - DT_MINUTES * (pk.k10() + pk.k12() + pk.k13());
        a12 = DT_MINUTES * pk.k21();
        a13 = DT_MINUTES * pk.k31();
        a21 = DT_MINUTES * pk.k12();
        a22 = 1 - DT_MINUTES * pk.k21();
        a31 = DT_MINUTES * pk.k13();
        a33 = 1 - DT_MINUTES * pk.k31();
        keDt = DT_MINUTES * pk.ke0();
    }

    /** A copy with the same parameters and state. */
    public Compartments copy() {
        Compartments c = new Compartments(pk);
        c.x1 = x1;
        c.x2 = x2;
        c.x3 = x3;
        c.ce = ce;
        return c;
    }

    /** The parameters. */
    public PkParameters parameters() {
        return pk;
    }

    /**
     * Advances one second, then adds {@code dose} (mg or µg, the rate per second times one second)
     * to the central compartment.
     */
    public void step(double dose) {
        double c1 = x1 / pk.v1();
        double n1 = a11 * x1 + a12 * x2 + a13 * x3;
        double n2 = a21 * x1 + a22 * x2;
        double n3 = a31 * x1 + a33 * x3;
        ce += keDt * (c1 - ce);
        x1 = n1 + dose;
        x2 = n2;
        x3 = n3;
    }

    /** Plasma (central) concentration, µg/mL or ng/mL. */
    public double plasma() {
        return x1 / pk.v1();
    }

    /** Effect-site concentration, µg/mL or ng/mL. */
    public double effectSite() {
        return ce;
    }

    /** Amounts in the three compartments, mg or µg. */
    public double[] amounts() {
        return new double[] {x1, x2, x3};
    }
}

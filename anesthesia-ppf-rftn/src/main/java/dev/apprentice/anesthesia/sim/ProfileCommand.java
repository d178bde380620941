package dev.apprentice.anesthesia.sim;

import dev.apprentice.anesthesia.clinical.Covariates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulate-profile function on the command line ({@code ./apprentice anesthesia simulate}):
 * prints per-second Cp, Ce of both drugs, noise-free BIS and MAP as CSV. Rates are segments
 * {@code RATExSECONDS} separated by commas, e.g. {@code --propofol 6.008x1,0x59} (mg/s) and
 * {@code --remifentanil 0x60} (µg/s); the typical BIS response unless {@code --c50p} etc. say
 * otherwise.
 */
public final class ProfileCommand {

    static final String USAGE = "usage: simulate --age Y --sex female|male --weight-kg W --height-cm H"
            + " --propofol RATExSECONDS[,...] (mg/s) --remifentanil RATExSECONDS[,...] (µg/s) [--model schnider|eleveld]"
            + " [--c50p 4.47] [--c50r 19.3] [--gamma 1.43] [--beta 0] [--e0 97.4] [--emax 97.4] [--baseline-map 90]"
            + " [--every 1]";

    private ProfileCommand() {
    }

    public static void main(String[] args) {
        try {
            System.out.print(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("simulate: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    /** The CSV for these arguments. */
    static String run(String[] args) {
        java.util.Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, found '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        BisResponse t = BisResponse.TYPICAL;
        Patient patient = new Patient(new Covariates(number(o, "age", null), Sex.byId(required(o, "sex")),
                number(o, "weight-kg", null), number(o, "height-cm", null)), new BisResponse(number(o, "c50p", t.c50p()),
                number(o, "c50r", t.c50r()), number(o, "gamma", t.gamma()), number(o, "beta", t.beta()),
                number(o, "e0", t.e0()), number(o, "emax", t.emax())),
                number(o, "baseline-map", PatientCohort.COHORT_BASELINE_MAP));
        PropofolModel model = PropofolModel.byId(o.getOrDefault("model", "schnider"));
        double[] propofol = segments(required(o, "propofol"), "--propofol");
        double[] remifentanil = segments(required(o, "remifentanil"), "--remifentanil");
        int every = (int) number(o, "every", 1.0);
        if (every < 1) {
            throw new IllegalArgumentException("--every: expected at least 1 second, found " + every);
        }
        ProfileSimulation.Profile p = ProfileSimulation.run(patient, model, propofol, remifentanil);
        StringBuilder csv = new StringBuilder("second,propofol_cp_ug_ml,propofol_ce_ug_ml,remifentanil_cp_ng_ml,"
                + "remifentanil_ce_ng_ml,bis,map_mmhg\n");
        for (int i = every - 1; i < propofol.length; i += every) {
            csv.append(String.format(Locale.ROOT, "%d,%.5f,%.5f,%.5f,%.5f,%.2f,%.2f%n", i + 1, p.propofolPlasma()[i],
                    p.propofolEffectSite()[i], p.remifentanilPlasma()[i], p.remifentanilEffectSite()[i], p.bis()[i],
                    p.map()[i]));
        }
        return csv.toString();
    }

    private static String required(java.util.Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("--" + key + ": required");
        }
        return v;
    }

    private static double number(java.util.Map<String, String> o, String key, Double otherwise) {
        String v = o.get(key);
        if (v == null) {
            if (otherwise == null) {
                throw new IllegalArgumentException("--" + key + ": required");
            }
            return otherwise;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": expected a number, found '" + v + "'");
        }
    }

    /** Per-second rates from {@code RATExSECONDS,...}, bounded by the longest profile before any array is made. */
    static double[] segments(String spec, String option) {
        List<double[]> parts = new ArrayList<>();
        long total = 0;
        for (String part : spec.split(",")) {
            String[] rs = part.trim().split("x");
            try {
                double rate = Double.parseDouble(rs[0]);
                long seconds = rs.length == 2 ? Long.parseLong(rs[1]) : 1;
                if (rs.length > 2 || !(rate >= 0) || Double.isInfinite(rate) || seconds < 1) {
                    throw new NumberFormatException();
                }
                total += seconds;
                if (total > ProfileSimulation.MAX_SECONDS) {
                    throw new IllegalArgumentException(option + ": expected at most " + ProfileSimulation.MAX_SECONDS
                            + " seconds, found more");
                }
                parts.add(new double[] {rate, seconds});
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": expected RATExSECONDS with a rate >= 0 and seconds >= 1,"
                        + " found '" + part + "'");
            }
        }
        double[] out = new double[(int) total];
        int i = 0;
        for (double[] p : parts) {
            for (int k = 0; k < (int) p[1]; k++) {
                out[i++] = p[0];
            }
        }
        return out;
    }
}

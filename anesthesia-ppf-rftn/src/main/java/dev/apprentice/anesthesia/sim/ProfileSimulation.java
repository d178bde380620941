package dev.apprentice.anesthesia.sim;

/**
 * The simulate-profile function anyone can check by hand: a patient and per-second rates in;
 * per-second plasma and effect-site concentrations of both drugs, noise-free BIS and MAP out
 * (no stimulation, no monitor delay or noise). Row {@code k} is the state after {@code k + 1}
 * seconds, each second's dose applied as {@link Compartments#step} does.
 */
public final class ProfileSimulation {

    /** Longest profile, s (six hours). */
    public static final int MAX_SECONDS = 21_600;

    private ProfileSimulation() {
    }

    /**
     * Per-second results.
     *
     * @param propofolPlasma µg/mL
     * @param propofolEffectSite µg/mL
     * @param remifentanilPlasma ng/mL
     * @param remifentanilEffectSite ng/mL
     * @param bis noise-free BIS
     * @param map noise-free MAP, mmHg
     */
    public record Profile(double[] propofolPlasma, double[] propofolEffectSite, double[] remifentanilPlasma,
            double[] remifentanilEffectSite, double[] bis, double[] map) {
    }

    /**
     * Simulates a profile.
     *
     * @param propofolMgPerSecond propofol rate of each second, mg/s (pumps clip to their limits)
     * @param remifentanilUgPerSecond remifentanil rate of each second, µg/s, as many as propofol
     */
    public static Profile run(Patient patient, PropofolModel model, double[] propofolMgPerSecond,
            double[] remifentanilUgPerSecond) {
        int n = propofolMgPerSecond.length;
        if (n < 1 || n > MAX_SECONDS || remifentanilUgPerSecond.length != n) {
            throw new IllegalArgumentException("rates: expected 1 to " + MAX_SECONDS + " seconds of both drugs, found "
                    + n + " of propofol and " + remifentanilUgPerSecond.length + " of remifentanil");
        }
        PatientSimulator s = new PatientSimulator(patient, model, SurgicalStimulation.none(n), MonitorNoise.NONE, 0);
        Profile p = new Profile(new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            s.step(propofolMgPerSecond[i], remifentanilUgPerSecond[i]);
            p.propofolPlasma[i] = s.propofolPlasma();
            p.propofolEffectSite[i] = s.propofolEffectSite();
            p.remifentanilPlasma[i] = s.remifentanilPlasma();
            p.remifentanilEffectSite[i] = s.remifentanilEffectSite();
            p.bis[i] = s.bisTrue();
            p.map[i] = s.mapTrue();
        }
        return p;
    }
}

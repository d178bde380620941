package dev.apprentice.anesthesia.rest;

/**
 * The simulate-profile function's answer: one value per second of the profile, row {@code k}
 * being the state after {@code k + 1} seconds.
 *
 * @param propofolModel the propofol model used, e.g. {@code schnider}
 * @param propofolPlasma propofol plasma concentration, µg/mL
 * @param propofolEffectSite propofol effect-site concentration, µg/mL
 * @param remifentanilPlasma remifentanil plasma concentration, ng/mL (Minto)
 * @param remifentanilEffectSite remifentanil effect-site concentration, ng/mL
 * @param bis noise-free BIS (no stimulation)
 * @param map noise-free MAP, mmHg (no stimulation)
 */
public record ProfileResult(String propofolModel, double[] propofolPlasma, double[] propofolEffectSite,
        double[] remifentanilPlasma, double[] remifentanilEffectSite, double[] bis, double[] map) {
}

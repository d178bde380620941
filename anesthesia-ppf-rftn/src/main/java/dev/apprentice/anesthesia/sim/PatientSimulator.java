package dev.apprentice.anesthesia.sim;

import java.util.SplittableRandom;

/**
 * One patient under propofol and remifentanil, second by second: pumps, both drugs'
 * pharmacokinetics, the BIS response surface with surgical stimulation attenuated by the
 * remifentanil effect, the MAP model, and the monitors' delay and noise. Mutable and
 * single-threaded; reproducible from its noise seed.
 */
public final class PatientSimulator {

    /**
     * Remifentanil effect-site concentration (ng/mL) that halves the response to surgical
     * stimulation; the analgesic blunting that makes remifentanil worth giving.
     */
    static final double STIMULATION_HALVING_REMIFENTANIL = 3.0;

    private final Patient patient;
    private final Compartments propofol;
    private final Compartments remifentanil;
    private final SurgicalStimulation stimulation;
    private final MonitorNoise noise;
    private final SplittableRandom rng;
    private final double[] bisDelayLine;
    private final double bisNoiseDecay;
    private final double bisNoiseScale;
    private double bisNoise;
    private int second;
    private double bisTrue;
    private double bisShown;
    private double mapTrue;
    private double mapShown;
    private double propofolDelivered;
    private double remifentanilDelivered;

    /**
     * A patient before any drug.
     *
     * @param noiseSeed seeds the monitors' noise
     */
    public PatientSimulator(Patient patient, PropofolModel propofolModel, SurgicalStimulation stimulation,
            MonitorNoise noise, long noiseSeed) {
        this.patient = patient;
        this.propofol = new Compartments(propofolModel.parameters(patient.covariates()));
        this.remifentanil = new Compartments(MintoModel.parameters(patient.covariates()));
        this.stimulation = stimulation;
        this.noise = noise;
        this.rng = new SplittableRandom(noiseSeed);
        this.bisDelayLine = new double[noise.bisDelaySeconds() + 1];
        this.bisNoiseDecay = Math.exp(-1 / noise.bisNoiseTimeConstant());
        this.bisNoiseScale = noise.bisNoiseSd() * Math.sqrt(1 - bisNoiseDecay * bisNoiseDecay);
        this.bisNoise = noise.bisNoiseSd() * rng.nextGaussian();
        observe();
        java.util.Arrays.fill(bisDelayLine, bisTrue);
        bisShown = clipBis(bisTrue + bisNoise);
    }

    /**
     * Infuses for one second at the asked rates (the pumps clip them to what they can deliver) and
     * advances the patient and the monitors.
     *
     * @param propofolMgPerSecond asked propofol rate, mg/s
     * @param remifentanilUgPerSecond asked remifentanil rate, µg/s
     */
    public void step(double propofolMgPerSecond, double remifentanilUgPerSecond) {
        propofolDelivered = InfusionPumps.propofol(propofolMgPerSecond);
        remifentanilDelivered = InfusionPumps.remifentanil(remifentanilUgPerSecond);
        propofol.step(propofolDelivered);
        remifentanil.step(remifentanilDelivered);
        second++;
        observe();
        bisDelayLine[second % bisDelayLine.length] = bisTrue;
        double delayed = bisDelayLine[(second + 1) % bisDelayLine.length];
        bisNoise = bisNoiseDecay * bisNoise + bisNoiseScale * rng.nextGaussian();
        bisShown = clipBis(delayed + bisNoise);
        mapShown = Math.max(1, mapTrue + noise.mapNoiseSd() * rng.nextGaussian());
    }

    private void observe() {
        double attenuation = 1 / (1 + remifentanil.effectSite() / STIMULATION_HALVING_REMIFENTANIL);
        bisTrue = clipBis(patient.response().bis(propofol.effectSite(), remifentanil.effectSite())
                + attenuation * stimulation.bis(second));
        mapTrue = Hemodynamics.map(patient.baselineMap(), propofol.effectSite(), remifentanil.effectSite())
                + attenuation * stimulation.map(second);
        mapShown = mapTrue;
    }

    private static double clipBis(double bis) {
        return Math.max(0, Math.min(100, bis));
    }

    /** Seconds simulated so far. */
    public int second() {
        return second;
    }

    /** The patient. */
    public Patient patient() {
        return patient;
    }

    /** The case's stimulation profile. */
    public SurgicalStimulation stimulation() {
        return stimulation;
    }

    /** Propofol plasma concentration, µg/mL. */
    public double propofolPlasma() {
        return propofol.plasma();
    }

    /** Propofol effect-site concentration, µg/mL. */
    public double propofolEffectSite() {
        return propofol.effectSite();
    }

    /** Remifentanil plasma concentration, ng/mL. */
    public double remifentanilPlasma() {
        return remifentanil.plasma();
    }

    /** Remifentanil effect-site concentration, ng/mL. */
    public double remifentanilEffectSite() {
        return remifentanil.effectSite();
    }

    /** The brain's BIS now, with stimulation, before the monitor's delay and noise. */
    public double bisTrue() {
        return bisTrue;
    }

    /** The BIS the monitor shows now (delayed, noisy, in [0, 100]). */
    public double bisShown() {
        return bisShown;
    }

    /** MAP now, mmHg, without monitor noise. */
    public double mapTrue() {
        return mapTrue;
    }

    /** The MAP the arterial line shows now, mmHg. */
    public double mapShown() {
        return mapShown;
    }

    /** Propofol delivered in the last second, mg/s. */
    public double propofolDelivered() {
        return propofolDelivered;
    }

    /** Remifentanil delivered in the last second, µg/s. */
    public double remifentanilDelivered() {
        return remifentanilDelivered;
    }
}

package dev.apprentice.anesthesia.ingest;

import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.sim.BisResponse;
import dev.apprentice.anesthesia.sim.MonitorNoise;
import dev.apprentice.anesthesia.sim.Patient;
import dev.apprentice.anesthesia.sim.PatientSimulator;
import dev.apprentice.anesthesia.sim.PropofolModel;
import dev.apprentice.anesthesia.sim.Sex;
import dev.apprentice.anesthesia.sim.SurgicalStimulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A realistic VitalDB-style export of a simulated case, because no real case may be committed: the
 * patient simulator gives the BIS and MAP that the recorded pump rates cause, written as sparsely
 * as VitalDB exports them (BIS every second with one decimal, arterial MAP every 2 s, cuff MAP every
 * 5 minutes, pump rates only when they change, an unrelated heart-rate track to be ignored).
 * Monitoring starts {@link #FIRST_DRUG} s before both pumps: a 2 mg/kg propofol bolus over 30 s,
 * then 10 mg/kg/h, lowered to 8 mg/kg/h at 15 minutes; remifentanil 0.2 µg/kg/min throughout.
 */
final class SampleCaseFile {

    /** A 40-year-old, 70 kg, 175 cm man. */
    static final Covariates PATIENT = new Covariates(40, Sex.MALE, 70, 175);
    /** File time of the first drug, s. */
    static final int FIRST_DRUG = 120;
    /** Length of the propofol bolus, s. */
    static final int BOLUS_SECONDS = 30;
    /** File time at which propofol maintenance is lowered, s. */
    static final int LOWERED_AT = FIRST_DRUG + 900;

    static final String HEADER = "Time,Solar8000/HR,Orchestra/PPF20_RATE,Orchestra/RFTN20_RATE,BIS/BIS,"
            + "Solar8000/ART_MBP,Solar8000/NIBP_MBP";

    private final Covariates patient;
    private final int seconds;
    private final List<int[]> bisGaps = new ArrayList<>();
    private final List<int[]> mapGaps = new ArrayList<>();
    private int cuffEvery = 300;

    private SampleCaseFile(Covariates patient, int seconds) {
        this.patient = patient;
        this.seconds = seconds;
    }

    /** A case of {@link #PATIENT} recorded for {@code seconds} (monitoring before the drugs included). */
    static SampleCaseFile of(int seconds) {
        return new SampleCaseFile(PATIENT, seconds);
    }

    /** No BIS in file times {@code [from, to)}, as when the sensor comes off. */
    SampleCaseFile withoutBis(int from, int to) {
        bisGaps.add(new int[] {from, to});
        return this;
    }

    /** No arterial MAP in file times {@code [from, to)}, as when the line is flushed or zeroed. */
    SampleCaseFile withoutArterialMap(int from, int to) {
        mapGaps.add(new int[] {from, to});
        return this;
    }

    /** The cuff measured every {@code seconds}. */
    SampleCaseFile withCuffEvery(int seconds) {
        cuffEvery = seconds;
        return this;
    }

    /** Propofol pump rate at file time {@code t}, mL/h of 20 mg/mL. */
    double propofolMlPerHour(int t) {
        double w = patient.weightKg();
        if (t < FIRST_DRUG) {
            return 0;
        }
        if (t < FIRST_DRUG + BOLUS_SECONDS) {
            return 2 * w / BOLUS_SECONDS * 3600 / 20;
        }
        return (t < LOWERED_AT ? 10 : 8) * w / 20;
    }

    /** Remifentanil pump rate at file time {@code t}, mL/h of 20 µg/mL. */
    double remifentanilMlPerHour(int t) {
        return t < FIRST_DRUG ? 0 : 0.2 * patient.weightKg() * 60 / 20;
    }

    /** Writes the export; the BIS and MAP come from a simulated patient with typical response. */
    Path write(Path file) throws IOException {
        PatientSimulator sim = new PatientSimulator(new Patient(patient, BisResponse.TYPICAL, 90), PropofolModel.SCHNIDER,
                SurgicalStimulation.none(seconds + 1), MonitorNoise.DEFAULT, 7);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        double lastPpf = -1;
        double lastRftn = -1;
        for (int t = 0; t < seconds; t++) {
            double ppf = propofolMlPerHour(t);
            double rftn = remifentanilMlPerHour(t);
            csv.append(t).append(',');
            csv.append(t % 2 == 0 ? format(72 + t % 7, 0) : "").append(',');
            csv.append(ppf != lastPpf ? format(ppf, 1) : "").append(',');
            csv.append(rftn != lastRftn ? format(rftn, 1) : "").append(',');
            csv.append(inGap(bisGaps, t) ? "" : format(sim.bisShown(), 1)).append(',');
            csv.append(t % 2 == 0 && !inGap(mapGaps, t) ? format(sim.mapShown(), 0) : "").append(',');
            csv.append(t % cuffEvery == 0 ? format(sim.mapShown() + 3, 0) : "").append('\n');
            lastPpf = ppf;
            lastRftn = rftn;
            sim.step(ppf * 20 / 3600, rftn * 20 / 3600);
        }
        return Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
    }

    private static boolean inGap(List<int[]> gaps, int t) {
        return gaps.stream().anyMatch(g -> t >= g[0] && t < g[1]);
    }

    private static String format(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}

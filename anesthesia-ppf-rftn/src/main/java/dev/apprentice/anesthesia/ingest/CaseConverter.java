package dev.apprentice.anesthesia.ingest;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.anesthesia.clinical.CasePhase;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.mapping.AnesthesiaRecords;
import dev.apprentice.anesthesia.schema.AnesthesiaDemonstration;
import dev.apprentice.anesthesia.schema.DataFlag;
import dev.apprentice.anesthesia.sim.Compartments;
import dev.apprentice.anesthesia.sim.MintoModel;
import dev.apprentice.anesthesia.sim.PkParameters;
import dev.apprentice.anesthesia.sim.SchniderModel;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.DemonstrationValidator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

/**
 * Turns a recorded case into the decisions a simulated case would have produced, so that recorded
 * and simulated anaesthesiologists train the same policy. The rules:
 * <ul>
 * <li>The file is resampled on whole seconds from its first row; a track's value at a second is
 * its last value at or before it (monitors and pumps are exported sparsely). A pump rate holds
 * until the next one (pump tracks record changes); before a pump's first value its rate is 0.</li>
 * <li>The case starts at the first second at which either pump runs: the first drug, as elapsed
 * time and the induction phase are defined for simulated cases.</li>
 * <li>A decision every 10 s from the start. At each, the observation holds the BIS now and 10–50 s
 * before, the MAP (the first MAP track with a current value, else the first with any), the mean
 * rates over the 10 s before, and the Schnider and Minto effect sites computed from the recorded
 * rates, second by second, from the file's first row (a drug given before the start counts).</li>
 * <li>The action is the mean rate over the 10 s after the decision: the dose the patient actually
 * received until the next decision, which is also what the next observation reports as the running
 * rate (as in simulated cases). The rate at the interval's start would misattribute a change made
 * a few seconds later, since clinicians do not decide on a 10 s grid.</li>
 * <li>A monitor value at most {@link ImportLimits#freshSeconds()} old is current; an older one up to
 * {@link ImportLimits#maxCarrySeconds()} is carried forward and flags the record; anything older is
 * missing. A decision time with a missing value is skipped; nothing is made up. Gaps cut the case
 * into segments, each published as its own episode ({@code <case>-seg<n>}, or the case id when there
 * is one), because consecutive steps of an episode must be 10 s apart for the next observation to
 * follow from the action. Each segment's last complete time is its terminal record's final
 * observation.</li>
 * </ul>
 * Every record is then checked by the domain's ingest validator, so that a case the ingester would
 * partly dead-letter is refused here, whole.
 */
public final class CaseConverter {

    /** Seconds between decisions, as in simulated cases. */
    public static final int DECISION_SECONDS = 10;
    /** The longest case imported, from its first drug: the observation space's elapsed-time bound, 24 h. */
    public static final int MAX_CASE_SECONDS = 86_400;

    private final ImportLimits limits;
    private final DemonstrationValidator validator = AnesthesiaDomain.withDefaults().validator();
    private final AnesthesiaRecords mapping = new AnesthesiaRecords();

    public CaseConverter(ImportLimits limits) {
        this.limits = limits;
    }

    /**
     * Converts a case.
     *
     * @throws CaseFileException if the file has no infusion, the case is too long, or a decision
     *     breaks the domain's bounds (e.g. a rate per kg beyond the action space for this weight)
     * @throws IllegalArgumentException if the covariates lie outside the pharmacokinetic models' range
     */
    public ImportedCase convert(CaseFile file, TrackMapping tracks, CaseIdentity identity) {
        Covariates patient = identity.patient();
        PkParameters propofolPk = model("Schnider", () -> SchniderModel.parameters(patient));
        PkParameters remifentanilPk = model("Minto", () -> MintoModel.parameters(patient));
        double t0 = file.time(0);
        int end = (int) Math.floor(file.time(file.rows() - 1) - t0);
        Track ppf = Track.rates(file, end, file::propofol);
        Track rftn = Track.rates(file, end, file::remifentanil);
        int start = firstDrug(ppf, rftn, end, file.name());
        if (end - start > MAX_CASE_SECONDS) {
            throw new CaseFileException(file.name() + ": the case lasts " + (end - start) + " s from its first drug, more"
                    + " than the " + MAX_CASE_SECONDS + " s (24 h) a case may last");
        }
        Track bis = Track.monitor(file, end, file::bis);
        Track[] map = new Track[file.mapTracks()];
        for (int m = 0; m < map.length; m++) {
            int track = m;
            map[m] = Track.monitor(file, end, i -> file.map(track, i));
        }

        double mgPerMlH = tracks.propofolMgPerMl() / 3600;
        double ugPerMlH = tracks.remifentanilUgPerMl() / 3600;
        int samples = (end - start) / DECISION_SECONDS + 1;
        double[] propofolCe = new double[samples];
        double[] remifentanilCe = new double[samples];
        Compartments propofol = new Compartments(propofolPk);
        Compartments remifentanil = new Compartments(remifentanilPk);
        double propofolMg = 0;
        double remifentanilUg = 0;
        for (int s = 0; s <= end; s++) {
            if (s >= start && (s - start) % DECISION_SECONDS == 0) {
                propofolCe[(s - start) / DECISION_SECONDS] = propofol.effectSite();
                remifentanilCe[(s - start) / DECISION_SECONDS] = remifentanil.effectSite();
            }
            double ppfDose = ppf.value[s] * mgPerMlH;
            double rftnDose = rftn.value[s] * ugPerMlH;
            propofol.step(ppfDose);
            remifentanil.step(rftnDose);
            propofolMg += ppfDose;
            remifentanilUg += rftnDose;
        }

        Sample[] sampled = new Sample[samples];
        for (int k = 0; k < samples; k++) {
            int s = start + k * DECISION_SECONDS;
            sampled[k] = sample(s, t0, bis, map, ppf, rftn, tracks, patient, s - start, propofolCe[k], remifentanilCe[k]);
        }

        List<int[]> runs = new ArrayList<>();
        List<ImportedCase.Gap> gaps = new ArrayList<>();
        int k = 0;
        while (k < samples) {
            int from = k;
            boolean complete = sampled[k].observation() != null;
            Set<String> missing = new TreeSet<>();
            while (k < samples && (sampled[k].observation() != null) == complete) {
                if (!complete) {
                    missing.addAll(sampled[k].missing());
                }
                k++;
            }
            if (complete && k - from >= 2) {
                runs.add(new int[] {from, k - 1});
            } else if (!complete) {
                gaps.add(new ImportedCase.Gap(from * DECISION_SECONDS, (k - 1) * DECISION_SECONDS, String.join(" and ", missing)));
            }
        }

        List<AnesthesiaDemonstration> records = new ArrayList<>();
        List<String> episodes = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            String episode = runs.size() == 1 ? identity.caseId() : identity.caseId() + "-seg" + (r + 1);
            episodes.add(episode);
            int first = runs.get(r)[0];
            int last = runs.get(r)[1];
            for (int d = first; d < last; d++) {
                boolean terminal = d == last - 1;
                Sample now = sampled[d];
                Sample next = sampled[d + 1];
                Set<DataFlag> flags = EnumSet.of(DataFlag.IMPORTED);
                flags.addAll(now.flags());
                if (terminal) {
                    flags.addAll(next.flags());
                }
                Map<String, String> metadata = new LinkedHashMap<>();
                metadata.put(AnesthesiaRecords.STYLE, identity.style());
                metadata.put(AnesthesiaRecords.FLAGS, String.join(",", flags.stream().map(Enum::name).toList()));
                int elapsed = d * DECISION_SECONDS;
                ExpertStep step = new ExpertStep(AnesthesiaDomain.NAME, identity.clinicianId(), episode, d - first,
                        identity.caseStart().plusSeconds(elapsed), now.observation().toVector(),
                        next.observation().running().toAction(), false, terminal, false,
                        terminal ? next.observation().toVector() : null, metadata);
                try {
                    validator.validate(step);
                } catch (IllegalArgumentException e) {
                    throw new CaseFileException(file.name() + ": the decision at " + elapsed + " s after the first drug"
                            + " (file time " + (t0 + start + elapsed) + " s) would be refused by the ingester: "
                            + e.getMessage());
                }
                records.add(mapping.fromStep(step));
            }
        }
        if (records.isEmpty()) {
            throw new CaseFileException(file.name() + ": no decision has the BIS and MAP it needs (" + gaps.size()
                    + " gaps, " + samples + " decision times); nothing to import");
        }
        return new ImportedCase(identity.caseId(), records, episodes, t0 + start, end - start, gaps, propofolMg,
                remifentanilUg);
    }

    /** What the clinician saw at second {@code s}, or what was missing. */
    private Sample sample(int s, double t0, Track bis, Track[] map, Track ppf, Track rftn, TrackMapping tracks,
            Covariates patient, int elapsed, double propofolCe, double remifentanilCe) {
        Set<DataFlag> flags = EnumSet.noneOf(DataFlag.class);
        List<String> missing = new ArrayList<>();
        double[] history = new double[ClinicalObservation.BIS_HISTORY];
        for (int j = 0; j < history.length; j++) {
            int at = s - j * ClinicalObservation.BIS_SPACING_SECONDS;
            double age = at < 0 ? Double.NaN : bis.age[at];
            if (!(age <= limits.maxCarrySeconds())) {
                missing.add("BIS");
                break;
            }
            history[j] = bis.value[at];
            if (age > limits.freshSeconds()) {
                flags.add(DataFlag.BIS_CARRIED_FORWARD);
            }
        }
        double pressure = Double.NaN;
        double pressureAge = Double.NaN;
        for (Track m : map) {
            if (m.age[s] <= limits.freshSeconds()) {
                pressure = m.value[s];
                pressureAge = m.age[s];
                break;
            }
        }
        if (Double.isNaN(pressure)) {
            for (Track m : map) {
                if (m.age[s] <= limits.maxCarrySeconds()) {
                    pressure = m.value[s];
                    pressureAge = m.age[s];
                    flags.add(DataFlag.MAP_CARRIED_FORWARD);
                    break;
                }
            }
        }
        if (Double.isNaN(pressure)) {
            missing.add("MAP");
        }
        if (!missing.isEmpty()) {
            return new Sample(null, flags, missing);
        }
        double weight = patient.weightKg();
        InfusionRates running = new InfusionRates(
                ppf.mean(s - DECISION_SECONDS, s) * tracks.propofolMgPerMl() / weight,
                rftn.mean(s - DECISION_SECONDS, s) * tracks.remifentanilUgPerMl() / 60 / weight);
        return new Sample(new ClinicalObservation(patient, elapsed, CasePhase.at(elapsed), history, pressure, running,
                propofolCe, remifentanilCe), flags, missing);
    }

    private static int firstDrug(Track ppf, Track rftn, int end, String file) {
        for (int s = 0; s <= end; s++) {
            if (ppf.value[s] > 0 || rftn.value[s] > 0) {
                return s;
            }
        }
        throw new CaseFileException(file + ": no propofol or remifentanil infusion; both pump rate columns are empty or 0");
    }

    private static PkParameters model(String name, Supplier<PkParameters> parameters) {
        try {
            return parameters.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("patient: the " + name + " model does not cover these covariates: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The observation at a decision time (null when a value was missing), the flags of its
     * carried-forward values and what was missing.
     */
    private record Sample(ClinicalObservation observation, Set<DataFlag> flags, List<String> missing) {
    }

    /** A track resampled on whole seconds: its last value at or before each second, and how old that value is. */
    private static final class Track {

        final double[] value;
        final double[] age;

        private Track(int end) {
            value = new double[end + 1];
            age = new double[end + 1];
        }

        /** A monitor track: NaN value and age before its first value. */
        static Track monitor(CaseFile file, int end, IntToDoubleFunction column) {
            return resample(file, end, column, Double.NaN);
        }

        /** A pump track: rate 0 before its first value. */
        static Track rates(CaseFile file, int end, IntToDoubleFunction column) {
            return resample(file, end, column, 0);
        }

        private static Track resample(CaseFile file, int end, IntToDoubleFunction column,
                double before) {
            Track t = new Track(end);
            double t0 = file.time(0);
            double last = before;
            double lastTime = Double.NaN;
            int row = 0;
            for (int s = 0; s <= end; s++) {
                while (row < file.rows() && file.time(row) <= t0 + s) {
                    double v = column.applyAsDouble(row);
                    if (!Double.isNaN(v)) {
                        last = v;
                        lastTime = file.time(row);
                    }
                    row++;
                }
                t.value[s] = last;
                t.age[s] = t0 + s - lastTime;
            }
            return t;
        }

        /** The mean over seconds {@code [from, to)}; seconds before the file count as 0 (a pump track). */
        double mean(int from, int to) {
            double sum = 0;
            for (int s = Math.max(0, from); s < to; s++) {
                sum += value[s];
            }
            return sum / (to - from);
        }
    }
}

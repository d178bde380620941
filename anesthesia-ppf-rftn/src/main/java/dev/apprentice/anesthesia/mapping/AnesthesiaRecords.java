package dev.apprentice.anesthesia.mapping;

import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.clinical.InfusionRates;
import dev.apprentice.anesthesia.schema.AnesthesiaDemonstration;
import dev.apprentice.anesthesia.schema.CasePhase;
import dev.apprentice.anesthesia.schema.ClinicalView;
import dev.apprentice.anesthesia.schema.DataFlag;
import dev.apprentice.anesthesia.schema.PatientCovariates;
import dev.apprentice.anesthesia.schema.Sex;
import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.service.domain.DemonstrationRecords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the typed infusion record to the core's {@link ExpertStep} and back, so that domain logic
 * never handles generated Avro classes: the clinician id is the step's source and the case id its
 * episode; the state is the raw {@link ClinicalObservation} vector (patient and view), the action
 * both rates; style, simulator seed and data flags travel as metadata.
 */
public final class AnesthesiaRecords implements DemonstrationRecords<AnesthesiaDemonstration> {

    /** Metadata key of the clinician's style. */
    public static final String STYLE = "style";
    /** Metadata key of the simulator seed. */
    public static final String SEED = "seed";
    /** Metadata key of the data flags, comma-separated. */
    public static final String FLAGS = "flags";

    @Override
    public Class<AnesthesiaDemonstration> recordClass() {
        return AnesthesiaDemonstration.class;
    }

    @Override
    public ExpertStep toStep(AnesthesiaDemonstration r) {
        String style = r.getClinicianStyle();
        if (style == null || style.isBlank()) {
            throw new IllegalArgumentException("clinician_style: expected a style label, found an empty one");
        }
        if (r.getFinalObservation() != null && !r.getTerminal()) {
            throw new IllegalArgumentException("final_observation: only the terminal record of a case carries one (step "
                    + r.getStep() + " is not terminal)");
        }
        Covariates patient = covariates(r.getPatient());
        Map<String, String> metadata = new HashMap<>();
        metadata.put(STYLE, style);
        if (r.getSeed() != null) {
            metadata.put(SEED, Long.toString(r.getSeed()));
        }
        if (!r.getFlags().isEmpty()) {
            metadata.put(FLAGS, String.join(",", r.getFlags().stream().map(Enum::name).toList()));
        }
        float[] action = {finite(r.getPropofolRate(), "propofol_rate"), finite(r.getRemifentanilRate(), "remifentanil_rate")};
        return new ExpertStep(AnesthesiaDomain.NAME, r.getClinicianId(), r.getCaseId(), r.getStep(), r.getEventTime(),
                observation(patient, r.getObservation(), "observation"), action, false, r.getTerminal(),
                r.getTimeLimited(), r.getFinalObservation() == null ? null
                        : observation(patient, r.getFinalObservation(), "final_observation"), metadata);
    }

    @Override
    public AnesthesiaDemonstration fromStep(ExpertStep step) {
        Map<String, String> metadata = step.metadata();
        String style = metadata.get(STYLE);
        if (style == null) {
            throw new IllegalArgumentException("metadata: expected the clinician's style under '" + STYLE + "'");
        }
        ClinicalObservation state = ClinicalObservation.fromVector(step.state());
        String seed = metadata.get(SEED);
        String flags = metadata.get(FLAGS);
        List<DataFlag> flagList = new ArrayList<>();
        if (flags != null && !flags.isEmpty()) {
            for (String f : flags.split(",")) {
                flagList.add(DataFlag.valueOf(f));
            }
        }
        return AnesthesiaDemonstration.newBuilder()
                .setClinicianId(step.source())
                .setClinicianStyle(style)
                .setCaseId(step.episode())
                .setStep(step.step())
                .setEventTime(step.eventTime())
                .setPatient(PatientCovariates.newBuilder()
                        .setAge((float) state.patient().age())
                        .setSex(Sex.valueOf(state.patient().sex().name()))
                        .setWeightKg((float) state.patient().weightKg())
                        .setHeightCm((float) state.patient().heightCm())
                        .build())
                .setObservation(view(state))
                .setPropofolRate(step.action()[0])
                .setRemifentanilRate(step.action()[1])
                .setFlags(flagList)
                .setTerminal(step.terminal())
                .setTimeLimited(step.timeLimited())
                .setFinalObservation(step.finalState() == null ? null : view(ClinicalObservation.fromVector(step.finalState())))
                .setSeed(seed == null ? null : Long.parseLong(seed))
                .build();
    }

    @Override
    public String episodeKey(AnesthesiaDemonstration record) {
        return DemonstrationPublisher.episodeKey(record.getClinicianId(), record.getCaseId());
    }

    /** The Avro view of an observation (the patient travels separately). */
    public static ClinicalView view(ClinicalObservation o) {
        List<Float> bis = new ArrayList<>(ClinicalObservation.BIS_HISTORY);
        for (int k = 0; k < ClinicalObservation.BIS_HISTORY; k++) {
            bis.add((float) o.bis(k));
        }
        return ClinicalView.newBuilder()
                .setElapsedSeconds((float) o.elapsedSeconds())
                .setPhase(CasePhase.valueOf(o.phase().name()))
                .setBis(bis)
                .setMapMmhg((float) o.map())
                .setPropofolRate((float) o.running().propofol())
                .setRemifentanilRate((float) o.running().remifentanil())
                .setPropofolCe((float) o.propofolCe())
                .setRemifentanilCe((float) o.remifentanilCe())
                .build();
    }

    private static Covariates covariates(PatientCovariates p) {
        if (p == null || p.getSex() == null) {
            throw new IllegalArgumentException("patient: expected age, sex, weight_kg and height_cm, found "
                    + (p == null ? "null" : "no sex"));
        }
        return new Covariates(finite(p.getAge(), "patient.age"),
                dev.apprentice.anesthesia.sim.Sex.valueOf(p.getSex().name()), finite(p.getWeightKg(), "patient.weight_kg"),
                finite(p.getHeightCm(), "patient.height_cm"));
    }

    private static float[] observation(Covariates patient, ClinicalView v, String field) {
        List<Float> bis = v.getBis();
        if (bis == null || bis.size() != ClinicalObservation.BIS_HISTORY) {
            throw new IllegalArgumentException(field + ".bis: expected " + ClinicalObservation.BIS_HISTORY
                    + " values (now, then every 10 s back), found " + (bis == null ? "null" : bis.size()));
        }
        double[] history = new double[bis.size()];
        for (int k = 0; k < history.length; k++) {
            Float b = bis.get(k);
            if (b == null) {
                throw new IllegalArgumentException(field + ".bis[" + k + "]: expected a BIS value, found null");
            }
            history[k] = finite(b, field + ".bis[" + k + "]");
        }
        double elapsed = finite(v.getElapsedSeconds(), field + ".elapsed_seconds");
        dev.apprentice.anesthesia.clinical.CasePhase phase = dev.apprentice.anesthesia.clinical.CasePhase.valueOf(
                v.getPhase().name());
        return new ClinicalObservation(patient, elapsed, phase, history, finite(v.getMapMmhg(), field + ".map_mmhg"),
                new InfusionRates(finite(v.getPropofolRate(), field + ".propofol_rate"),
                        finite(v.getRemifentanilRate(), field + ".remifentanil_rate")),
                finite(v.getPropofolCe(), field + ".propofol_ce"), finite(v.getRemifentanilCe(), field + ".remifentanil_ce"))
                .toVector();
    }

    private static float finite(float value, String field) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(field + ": expected a finite number, found " + value);
        }
        return value;
    }
}

package dev.apprentice.anesthesia;

import dev.apprentice.anesthesia.clinical.ClinicalObservation;
import dev.apprentice.anesthesia.config.AnesthesiaSettings;
import dev.apprentice.anesthesia.mapping.AnesthesiaRecords;
import dev.apprentice.anesthesia.mapping.RecommendationRequests;
import dev.apprentice.anesthesia.safety.EnvelopeGuard;
import dev.apprentice.anesthesia.safety.EnvelopeLimits;
import dev.apprentice.anesthesia.safety.SafetyEnvelope;
import dev.apprentice.anesthesia.sim.CaseSettings;
import dev.apprentice.anesthesia.sim.PropofolModel;
import dev.apprentice.anesthesia.training.AnesthesiaEnvironment;
import dev.apprentice.anesthesia.training.AnesthesiaEvaluation;
import dev.apprentice.anesthesia.training.AnesthesiaImitation;
import dev.apprentice.anesthesia.training.AnesthesiaMetaLearning;
import dev.apprentice.anesthesia.training.AnesthesiaSimulation;
import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import dev.apprentice.il.stream.IngestLimits;
import dev.apprentice.service.domain.ActionLabels;
import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.domain.DecisionGuard;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.service.domain.DomainEvaluation;
import dev.apprentice.service.domain.DomainLimits;
import dev.apprentice.service.domain.ExpertSimulation;
import dev.apprentice.service.domain.ImitationDomain;
import dev.apprentice.service.domain.MetaLearningRecipe;
import dev.apprentice.service.domain.TrainingRecipes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The anaesthesia domain as the service kit needs it: what a clinician sees (17 raw values) and
 * sets (propofol mg/kg/h, remifentanil µg/kg/min), the policies' features, the Avro record, the
 * recommendation request format, BC/GAIL/RAIL recipes, evaluation on the published cohort, the
 * simulated anaesthesiologists, and the safety envelope every recommendation passes.
 */
@ApplicationScoped
public class AnesthesiaDomain implements ImitationDomain {

    /** Domain name in topics, stored steps, model cards and paths ({@code /api/v1/anesthesia}). */
    public static final String NAME = "anesthesia";
    /** The longest case ingested: 24 hours of decisions every 10 s. */
    static final int MAX_CASE_DECISIONS = 8_640;

    private final AnesthesiaImitation imitation;
    private final SafetyEnvelope envelope;
    private final AnesthesiaEvaluation evaluation;
    private final AnesthesiaSimulation simulation;
    private final AnesthesiaRecords records = new AnesthesiaRecords();
    private final RecommendationRequests requests = new RecommendationRequests();
    private final EnvelopeGuard guard;
    private final AnesthesiaMetaLearning metaLearning = new AnesthesiaMetaLearning();
    private final ActionLabels labels = ActionLabels.continuous(List.of("propofol", "remifentanil"),
            List.of("mg/kg/h", "µg/kg/min"));

    /** With the configured envelope and patient model. */
    @Inject
    public AnesthesiaDomain(AnesthesiaSettings settings) {
        this(settings.envelope().limits(), PropofolModel.byId(settings.patientModel()));
    }

    /** With an envelope and a patient model (tests, the CLI). */
    public AnesthesiaDomain(EnvelopeLimits limits, PropofolModel patientModel) {
        CaseSettings d = CaseSettings.DEFAULT;
        CaseSettings cases = new CaseSettings(d.minSeconds(), d.maxSeconds(), d.decisionIntervalSeconds(), patientModel,
                d.pumpModel(), d.noise(), d.stimulation());
        this.imitation = new AnesthesiaImitation(cases);
        this.envelope = new SafetyEnvelope(limits, cases.decisionIntervalSeconds());
        this.evaluation = new AnesthesiaEvaluation(imitation, envelope);
        this.simulation = new AnesthesiaSimulation(imitation);
        this.guard = new EnvelopeGuard(envelope);
    }

    /** The default envelope on Schnider patients. */
    public static AnesthesiaDomain withDefaults() {
        return new AnesthesiaDomain(EnvelopeLimits.DEFAULT, PropofolModel.SCHNIDER);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "propofol / remifentanil decision support";
    }

    @Override
    public Box observationSpace() {
        return ClinicalObservation.SPACE;
    }

    @Override
    public Space actionSpace() {
        return AnesthesiaEnvironment.ACTION_SPACE;
    }

    @Override
    public ObservationEncoder encoder() {
        return imitation.features();
    }

    @Override
    public ActionLabels actionLabels() {
        return labels;
    }

    @Override
    public DemonstrationRecords<?> records() {
        return records;
    }

    @Override
    public Optional<DecisionCodec> decisions() {
        return Optional.of(requests);
    }

    @Override
    public Optional<TrainingRecipes> training() {
        return Optional.of(imitation);
    }

    /** A patient (a case) is a task: adaptation from the first minutes of the case's own decisions. */
    @Override
    public Optional<MetaLearningRecipe> metaLearning() {
        return Optional.of(metaLearning);
    }

    @Override
    public Optional<DomainEvaluation> evaluation() {
        return Optional.of(evaluation);
    }

    @Override
    public Optional<ExpertSimulation> simulation() {
        return Optional.of(simulation);
    }

    @Override
    public Optional<DecisionGuard> guard() {
        return Optional.of(guard);
    }

    /** A state far from the served policy's training states gets no recommendation: defer to the clinician. */
    @Override
    public Optional<String> deferralAdvice() {
        return Optional.of("defer to the clinician");
    }

    /** The safety envelope. */
    public SafetyEnvelope envelope() {
        return envelope;
    }

    /** The training recipes, experts and case settings. */
    public AnesthesiaImitation imitation() {
        return imitation;
    }

    /** The evaluation on the published cohort, with its clinical measures (the report's and the tests'). */
    public AnesthesiaEvaluation clinicalEvaluation() {
        return evaluation;
    }

    /** Reads recommendation requests (the recommendation endpoint's). */
    public RecommendationRequests requests() {
        return requests;
    }

    /** Cases of up to 24 hours of decisions every 10 s; the other ingest bounds are the core's defaults. */
    @Override
    public DomainLimits limits() {
        IngestLimits core = IngestLimits.defaults();
        return new DomainLimits(DomainLimits.DEFAULT.maxBatch(), new IngestLimits(MAX_CASE_DECISIONS,
                core.maxIdLength(), core.earliestEventTime(), core.maxClockSkew()));
    }
}

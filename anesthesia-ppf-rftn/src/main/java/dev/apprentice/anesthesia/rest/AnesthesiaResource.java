package dev.apprentice.anesthesia.rest;

import static dev.apprentice.service.http.JsonValues.kind;
import static dev.apprentice.service.http.JsonValues.number;
import static dev.apprentice.service.http.JsonValues.object;
import static dev.apprentice.service.http.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.anesthesia.AnesthesiaDomain;
import dev.apprentice.anesthesia.clinical.Covariates;
import dev.apprentice.anesthesia.mapping.RecommendationRequests;
import dev.apprentice.anesthesia.sim.BisResponse;
import dev.apprentice.anesthesia.sim.Patient;
import dev.apprentice.anesthesia.sim.PatientCohort;
import dev.apprentice.anesthesia.sim.ProfileSimulation;
import dev.apprentice.anesthesia.sim.PropofolModel;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.http.BodyKind;
import dev.apprentice.service.http.BodyLimit;
import dev.apprentice.service.rest.DecisionAccess;
import dev.apprentice.service.serving.Decision;
import dev.apprentice.service.serving.PolicyServing;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The anaesthesia endpoints: recommendations of both rates (the served policy behind the safety
 * envelope) and the simulate-profile calculator. Both need a decision-client or administrator key
 * wherever decisions do.
 */
@Path("/")
@Tag(name = "anesthesia")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnesthesiaResource {

    private static final Set<String> PROFILE_FIELDS = Set.of("patient", "propofolModel", "propofolMgPerSecond",
            "remifentanilUgPerSecond");
    private static final Set<String> PROFILE_PATIENT = Set.of("age", "sex", "weightKg", "heightCm", "c50p", "c50r",
            "gamma", "beta", "e0", "emax", "baselineMap");

    private final AnesthesiaDomain domain;
    private final PolicyServing policies;
    private final DecisionAccess access;
    private final SecurityIdentity identity;

    public AnesthesiaResource(AnesthesiaDomain domain, PolicyServing policies, DecisionAccess access,
            SecurityIdentity identity) {
        this.domain = domain;
        this.policies = policies;
        this.access = access;
        this.identity = identity;
    }

    @POST
    @Path("anesthesia/recommendations")
    @Operation(summary = "Recommend both rates for a patient's recent observations", description = "Body: patient"
            + " {age, sex, weightKg, heightCm}, elapsedSeconds, observations [{t, bis, map}] oldest first, running"
            + " {propofol mg/kg/h, remifentanil µg/kg/min}, effectSite {propofol µg/mL, remifentanil ng/mL}. 400 names a"
            + " missing, stale or impossible field; 503 when no policy is promoted. The answer says whether the safety"
            + " envelope clamped the rates, and why, or defers to the clinician.")
    @NonBlocking // microseconds of CPU and no I/O
    @BodyLimit(BodyKind.DECISION)
    public Recommendation recommend(JsonNode body) {
        access.check(identity);
        Decision d = policies.decide(policies.defaultModel(), domain.requests().observation(body, ""));
        List<String> reasons = d.guardReasons() == null ? List.of() : d.guardReasons();
        if (Boolean.TRUE.equals(d.refused())) {
            return new Recommendation(null, null, false, List.of(), true, String.join("; ", reasons), d.model(),
                    d.policyVersion());
        }
        return new Recommendation(dose(d, "propofol"), dose(d, "remifentanil"), !reasons.isEmpty(), reasons, false, null,
                d.model(), d.policyVersion());
    }

    private static Recommendation.Dose dose(Decision d, String drug) {
        return new Recommendation.Dose(d.values().get(drug), d.units().get(drug));
    }

    @POST
    @Path("anesthesia/simulations")
    @Operation(summary = "Simulate a per-second infusion profile", description = "Body: patient {age, sex, weightKg,"
            + " heightCm, and optionally the BIS response c50p, c50r, gamma, beta, e0, emax and baselineMap}, propofolModel"
            + " (schnider or eleveld), propofolMgPerSecond and remifentanilUgPerSecond (one rate per second, equally"
            + " long, at most 21,600). Answers per-second Cp and Ce of both drugs, noise-free BIS and MAP.")
    @BodyLimit(BodyKind.BATCH)
    public ProfileResult simulate(JsonNode body) {
        access.check(identity);
        object(body, "", PROFILE_FIELDS);
        Patient patient = profilePatient(body.get("patient"));
        JsonNode modelNode = body.get("propofolModel");
        PropofolModel model;
        try {
            model = modelNode == null ? PropofolModel.SCHNIDER : PropofolModel.byId(text(modelNode, "propofolModel"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("propofolModel", e.getMessage());
        }
        double[] propofol = rates(body.get("propofolMgPerSecond"), "propofolMgPerSecond", 1000);
        double[] remifentanil = rates(body.get("remifentanilUgPerSecond"), "remifentanilUgPerSecond", 1000);
        if (propofol.length != remifentanil.length) {
            throw new InvalidRequestException("remifentanilUgPerSecond", "expected as many seconds as propofolMgPerSecond ("
                    + propofol.length + "), found " + remifentanil.length);
        }
        ProfileSimulation.Profile p;
        try {
            p = ProfileSimulation.run(patient, model, propofol, remifentanil);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("patient", e.getMessage());
        }
        return new ProfileResult(model.id(), p.propofolPlasma(), p.propofolEffectSite(), p.remifentanilPlasma(),
                p.remifentanilEffectSite(), p.bis(), p.map());
    }

    private static double[] rates(JsonNode node, String field, double max) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > ProfileSimulation.MAX_SECONDS) {
            throw new InvalidRequestException(field, "expected 1 to " + ProfileSimulation.MAX_SECONDS + " per-second rates,"
                    + " found " + (node != null && node.isArray() ? node.size() + " values" : kind(node)));
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(node.get(i), field + "[" + i + "]", 0, max, "");
        }
        return out;
    }

    private static Patient profilePatient(JsonNode node) {
        Covariates covariates = RecommendationRequests.covariates(node, "patient", PROFILE_PATIENT);
        BisResponse t = BisResponse.TYPICAL;
        try {
            BisResponse response = new BisResponse(optional(node, "c50p", t.c50p()), optional(node, "c50r", t.c50r()),
                    optional(node, "gamma", t.gamma()), optional(node, "beta", t.beta()), optional(node, "e0", t.e0()),
                    optional(node, "emax", t.emax()));
            return new Patient(covariates, response, optional(node, "baselineMap", PatientCohort.COHORT_BASELINE_MAP));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            String field = message.contains(":") ? message.substring(0, message.indexOf(':')) : "patient";
            throw new InvalidRequestException("patient." + field, message);
        }
    }

    private static double optional(JsonNode node, String field, double otherwise) {
        JsonNode v = node.get(field);
        return v == null ? otherwise : number(v, "patient." + field);
    }
}

package dev.apprentice.phonesecurity.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.cohort.CohortEvaluation;
import dev.apprentice.phonesecurity.cohort.EvaluationRequest;
import dev.apprentice.phonesecurity.cohort.EvaluationView;
import dev.apprentice.phonesecurity.verification.EvaluationResult;
import dev.apprentice.phonesecurity.verification.FeatureSet;
import dev.apprentice.phonesecurity.verification.MethodChoice;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.http.BodyKind;
import dev.apprentice.service.http.BodyLimit;
import dev.apprentice.service.http.JsonValues;
import dev.apprentice.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The cohort evaluation for administrators: run the real-data protocol on demand, read its full
 * result (per user and seed) and its report tables. The page's {@code GET /evaluation} shows only
 * the aggregate curves.
 */
@Path("/phone-security/evaluations")
@Tag(name = "evaluation")
@SecurityRequirement(name = "apiKey")
@RolesAllowed(Roles.ADMIN)
public class EvaluationResource {

    private static final Set<String> FIELDS = Set.of("seeds", "featureSets", "activities", "methods");

    private final CohortEvaluation evaluation;

    public EvaluationResource(CohortEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run the real-data protocol evaluation in the background", description = "Body (every field"
            + " optional, the configured evaluation otherwise): {seeds: [split seeds, at most evaluation.max-seeds],"
            + " featureSets: [touch|sensor|both], activities: [sitting|standing|walking], methods: [scaled-manhattan|"
            + "nearest-neighbours|gaussian-density|logistic-regression|imitation|imitation-policy|imitation-discriminator]}."
            + " 202 with the evaluation's state; 409 while another runs or without the Hold-and-Tap data.")
    @BodyLimit(BodyKind.COMMAND)
    public Response start(JsonNode body) {
        EvaluationRequest configured = evaluation.configured();
        EvaluationRequest request = configured;
        if (body != null && !body.isNull()) {
            JsonValues.object(body, "", FIELDS);
            List<Long> seeds = Optional.ofNullable(body.get("seeds")).map(EvaluationResource::seeds)
                    .orElse(configured.seeds());
            request = request(seeds,
                    list(body, "featureSets", configured.featureSets(), FeatureSet.values(), FeatureSet::id),
                    list(body, "activities", configured.activities(), Activity.values(), Activity::id),
                    list(body, "methods", configured.methods(), MethodChoice.values(), MethodChoice::id));
        }
        EvaluationView view = evaluation.start(request, CohortEvaluation.Trigger.API);
        return Response.accepted(view).build();
    }

    @GET
    @Path("latest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest finished evaluation in full", description = "Per cell the mean and spreads of"
            + " every error rate, and per seed each enrolled user's errors (the data set's anonymous user ids). 404"
            + " until one has finished.")
    public EvaluationResult latest() {
        return evaluation.latestResult();
    }

    @GET
    @Path("latest/report")
    @Produces("text/markdown; charset=utf-8")
    @Operation(summary = "The latest finished evaluation's tables", description = "Markdown, as"
            + " ./apprentice phone-security report prints them. 404 until one has finished.")
    public String report() {
        return evaluation.latestReport();
    }

    private static EvaluationRequest request(List<Long> seeds, List<FeatureSet> features, List<Activity> activities,
            List<MethodChoice> methods) {
        try {
            return new EvaluationRequest(seeds, features, activities, methods);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(':');
            throw new InvalidRequestException(message.substring(0, colon), message.substring(colon + 2));
        }
    }

    private static List<Long> seeds(JsonNode node) {
        if (!node.isArray()) {
            throw new InvalidRequestException("seeds", "expected an array of split seeds, found " + JsonValues.kind(node));
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode n = node.get(i);
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
                throw new InvalidRequestException("seeds[" + i + "]", "expected a non-negative integer, found "
                        + JsonValues.kind(n));
            }
            seeds.add(n.longValue());
        }
        return seeds;
    }

    private static <T> List<T> list(JsonNode body, String field, List<T> otherwise, T[] choices, Function<T, String> id) {
        JsonNode node = body.get(field);
        if (node == null) {
            return otherwise;
        }
        List<String> expected = Arrays.stream(choices).map(id).toList();
        if (!node.isArray()) {
            throw new InvalidRequestException(field, "expected an array of " + expected + ", found " + JsonValues.kind(node));
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = field + "[" + i + "]";
            String value = JsonValues.text(node.get(i), at);
            out.add(Arrays.stream(choices).filter(c -> id.apply(c).equals(value)).findFirst().orElseThrow(
                    () -> new InvalidRequestException(at, "expected one of " + expected + ", found '" + value + "'")));
        }
        return out;
    }
}

package dev.apprentice.phonesecurity.rest;

import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.phonesecurity.owners.FewShotEnrolments;
import dev.apprentice.service.http.BodyKind;
import dev.apprentice.service.http.BodyLimit;
import dev.apprentice.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The start every few-shot owner policy is adapted from, learned from the stored population; administrators only. */
@Path("/phone-security/policy-start")
@Tag(name = "population")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PolicyStartResource {

    private final FewShotEnrolments fewShot;

    public PolicyStartResource(FewShotEnrolments fewShot) {
        this.fewShot = fewShot;
    }

    @POST
    @Operation(summary = "Meta-learn the few-shot policy start from the stored population and promote it", description =
            "initialisation: maml (default), reptile, pooled or scratch; one task per stored person, in the served"
            + " population's coordinates. 503 without a served population, 409 when the store holds too few people.")
    @BodyLimit(BodyKind.COMMAND)
    public Answers.PolicyStart learn(@QueryParam("initialisation") @DefaultValue("maml") String initialisation,
            @QueryParam("seed") @DefaultValue("1") long seed) {
        ModelCard card = fewShot.learnStart(FewShotEnrolments.initialisation(initialisation), seed);
        Map<?, ?> population = (Map<?, ?>) card.data().get("population");
        return new Answers.PolicyStart(card.version(), FewShotEnrolments.initialisation(initialisation),
                ((Number) population.get("version")).intValue(), ((Number) card.data().get("people")).intValue(),
                ((Number) card.data().get("samplesUsed")).intValue());
    }
}

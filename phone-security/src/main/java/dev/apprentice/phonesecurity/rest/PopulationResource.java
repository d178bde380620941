package dev.apprentice.phonesecurity.rest;

import dev.apprentice.il.registry.ModelCard;
import dev.apprentice.phonesecurity.owners.PopulationService;
import dev.apprentice.phonesecurity.owners.ServedPopulation;
import dev.apprentice.service.http.BodyKind;
import dev.apprentice.service.http.BodyLimit;
import dev.apprentice.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cohort-level model every owner is learned against; administrators only. */
@Path("/phone-security/population")
@Tag(name = "population")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PopulationResource {

    private final PopulationService population;

    public PopulationResource(PopulationService population) {
        this.population = population;
    }

    @POST
    @Operation(summary = "Learn the population model from the stored behaviour and serve it", description = "Uses up to"
            + " apprentice.phone-security.max-population-people people of the store. Owners enrolled against an older"
            + " population must be enrolled again. 409 when the store holds too few people.")
    @BodyLimit(BodyKind.COMMAND)
    public Answers.Population learn(@QueryParam("seed") @DefaultValue("1") long seed) {
        ModelCard card = population.learn(seed);
        return new Answers.Population(card.version(), ((Number) card.data().get("people")).intValue(),
                ((Number) card.data().get("samplesUsed")).intValue());
    }

    @GET
    @Operation(summary = "The served population model", description = "503 when none is served yet.")
    public Answers.Population served() {
        ServedPopulation p = population.require();
        return new Answers.Population(p.reference().version(), p.model().people(), p.model().samples());
    }
}

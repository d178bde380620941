package dev.apprentice.starcraft.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.service.hosting.DomainServices;
import dev.apprentice.service.http.BodyKind;
import dev.apprentice.service.http.BodyLimit;
import dev.apprentice.service.rest.DecisionAccess;
import dev.apprentice.service.serving.Decision;
import dev.apprentice.service.serving.PolicyServing;
import dev.apprentice.starcraft.MinigameDomain;
import dev.apprentice.starcraft.minigame.FeatureLayers;
import dev.apprentice.starcraft.minigame.MinigameAction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The minigames' pysc2-shaped decision endpoint: feature layers in, function and screen arguments out.
 * The kit's {@code /decisions} of the same domains answer the raw 16-value action vector.
 */
@Path("/")
@Tag(name = "starcraft minigames")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MinigameResource {

    private final DomainRegistry registry;
    private final DecisionAccess access;
    private final SecurityIdentity identity;

    public MinigameResource(DomainRegistry registry, DecisionAccess access, SecurityIdentity identity) {
        this.registry = registry;
        this.access = access;
        this.identity = identity;
    }

    @POST
    @Path("{minigame: starcraft-(move-to-beacon|collect-mineral-shards|defeat-roaches)}/actions")
    @Operation(summary = "The served minigame policy's next action, as a pysc2 function call", description = "Body: the"
            + " feature layers as pysc2 gives them: screen {player_relative, selected, unit_density,"
            + " unit_hit_points_ratio, orders} as 32 rows of 32, minimap {player_relative, camera (optional)} as 16"
            + " rows of 16, game_loop, selected_count, last_action (optional). 400 names the first bad cell; 503"
            + " when no policy is promoted.")
    @NonBlocking // microseconds of CPU and no I/O
    @BodyLimit(BodyKind.DECISION)
    public MinigameDecision act(@PathParam("minigame") String minigame, JsonNode body) {
        access.check(identity);
        DomainServices services = registry.require(minigame);
        MinigameDomain domain = (MinigameDomain) services.domain();
        float[] observation = domain.decisions().orElseThrow().observation(body, "");
        PolicyServing serving = services.serving();
        Decision d = serving.decide(serving.defaultModel(), observation);
        List<String> names = domain.actionLabels().names();
        float[] vector = new float[names.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = d.values().get(names.get(i)).floatValue();
        }
        MinigameAction action = MinigameAction.fromVector(clamped(vector));
        int width = action.function().arguments().width();
        return new MinigameDecision(action.function().pysc2Name(), action.function().pysc2Id(),
                width >= 2 ? new int[] {cell(action.x()), cell(action.y())} : null,
                width == 4 ? new int[] {cell(action.x2()), cell(action.y2())} : null, action.describe(), d.model(),
                d.policyVersion());
    }

    /** Served actions lie in the action box already; rounding at its edges is clamped, never refused. */
    private static float[] clamped(float[] vector) {
        for (int i = 0; i < vector.length; i++) {
            float low = i < MinigameAction.FUNCTION_COUNT ? -1 : 0;
            vector[i] = Math.max(low, Math.min(1, vector[i]));
        }
        return vector;
    }

    private static int cell(float coordinate) {
        return Math.min(FeatureLayers.SCREEN_SIZE - 1, (int) (coordinate * FeatureLayers.SCREEN_SIZE));
    }
}

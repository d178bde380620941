package dev.apprentice.lanechange.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.lanechange.mapping.DecisionRequests;
import dev.apprentice.lanechange.serving.Decision;
import dev.apprentice.lanechange.serving.PolicyService;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The decision API: the promoted policy's meta-action for an observed highway scene. */
@Path("/api/v1/lane-change")
@Tag(name = "decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {

    /** Most requests in one batch. */
    static final int MAX_BATCH = 1024;

    private final PolicyService policies;

    public DecisionResource(PolicyService policies) {
        this.policies = policies;
    }

    @POST
    @Path("/decisions")
    @Operation(summary = "Decide for one scene", description = "Body: {\"observation\": 25 numbers or 5 rows of 5"
            + " (presence, x, y, vx, vy scaled to [-1, 1])} or {\"vehicles\": {\"ego\": {x, y, vx, vy}, \"others\":"
            + " [...]}} in metres and m/s. 400 names the bad field; 503 when no policy is promoted.")
    @NonBlocking // microseconds of CPU and no I/O: answered on the event loop, without a hop to a worker thread
    public Decision decide(JsonNode body) {
        return policies.decide(DecisionRequests.observation(body, ""));
    }

    @POST
    @Path("/decisions/batch")
    @Operation(summary = "Decide for several scenes", description = "Body: {\"requests\": [decision bodies]}, at most "
            + MAX_BATCH + "; every request is validated before any is decided.")
    public Map<String, List<Decision>> decideBatch(JsonNode body) {
        JsonNode requests = body == null ? null : body.get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new IllegalArgumentException("requests: expected an array of 1 to " + MAX_BATCH + " decision requests, found "
                    + (requests == null ? "nothing" : requests.isArray() ? requests.size() + " requests" : requests.getNodeType()));
        }
        List<float[]> observations = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            observations.add(DecisionRequests.observation(requests.get(i), "requests[" + i + "]"));
        }
        List<Decision> decisions = new ArrayList<>(observations.size());
        for (float[] observation : observations) {
            decisions.add(policies.decide(observation));
        }
        return Map.of("decisions", decisions);
    }

    @GET
    @Path("/provenance")
    @Operation(summary = "The serving policy's model card", description = "503 when no policy is promoted.")
    public Object provenance() {
        return policies.requireServed().card();
    }
}

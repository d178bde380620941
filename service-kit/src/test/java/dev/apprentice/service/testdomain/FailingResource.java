package dev.apprentice.service.testdomain;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** A test-only endpoint whose internal failures must reach clients as a bare 500 with an id. */
@Path("/identity/test-failures")
public class FailingResource {

    @GET
    public String fail(@QueryParam("kind") String kind) {
        if ("argument".equals(kind)) {
            throw new IllegalArgumentException("internal detail: a bad internal argument");
        }
        throw new IllegalStateException("internal detail: the lock is held by /secret/path");
    }
}

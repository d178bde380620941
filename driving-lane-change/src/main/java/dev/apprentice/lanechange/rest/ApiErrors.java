package dev.apprentice.lanechange.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import dev.apprentice.lanechange.serving.NoPolicyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns failures into JSON errors: 400 naming the field for bad input (our validation messages
 * start with the field, Jackson's carry its path), 404 for unknown jobs or versions, 409 for
 * requests the current state forbids, 503 with the reason when no policy can serve.
 */
public class ApiErrors {

    /** The JSON error body. */
    static Response error(Response.Status status, String code, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.getStatusCode());
        body.put("error", code);
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    public Response badInput(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "invalid request" : e.getMessage();
        int colon = message.indexOf(':');
        String field = colon > 0 && !message.substring(0, colon).contains(" ") ? message.substring(0, colon) : null;
        return error(Response.Status.BAD_REQUEST, "invalid-request", field, message);
    }

    /** Quarkus ships its own mapper for this subtype (a bare 400), so it needs its own method. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return badJson(e);
    }

    /** Body-reading failures arrive wrapped; unwrap Jackson's, keep any other status with a JSON body. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException json) {
                return badJson(json);
            }
        }
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        return error(status == null ? Response.Status.BAD_REQUEST : status, "http-" + e.getResponse().getStatus(), null,
                e.getMessage());
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        String message = e.getOriginalMessage();
        return error(Response.Status.BAD_REQUEST, "invalid-json", field,
                (field == null ? "" : field + ": ") + (message == null ? "malformed JSON" : message));
    }

    @ServerExceptionMapper
    public Response noPolicy(NoPolicyException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, "no-policy", null, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NoSuchElementException e) {
        return error(Response.Status.NOT_FOUND, "not-found", null, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(IllegalStateException e) {
        return error(Response.Status.CONFLICT, "conflict", null, e.getMessage());
    }
}

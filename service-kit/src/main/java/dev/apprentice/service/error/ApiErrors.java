package dev.apprentice.service.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps failures to JSON errors by the kit's own types: an {@link ApiException} keeps its status,
 * code, field and message; malformed JSON (trailing content, a duplicate key) is a 400 naming the
 * path; a body of another content type is a 415; other JAX-RS answers (404 for an unknown path,
 * 405 ...) keep their status; anything else is a 500 that says only "internal error" and an id,
 * with the cause logged under that id. HTTP filters that answer before JAX-RS use {@link #send}.
 */
public class ApiErrors {

    static Response answer(ErrorBody body) {
        return Response.status(body.status()).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    /** Writes an error answer from an HTTP filter, where no exception mapper runs, and ends the response. */
    public static void send(HttpServerResponse response, ApiException e) {
        response.setStatusCode(e.status()).putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .end(Json.encode(new ErrorBody(e.status(), e.code(), e.field(), e.getMessage(), null)));
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return answer(new ErrorBody(e.status(), e.code(), e.field(), e.getMessage(), null));
    }

    /** Like any {@link ApiException}, plus the {@code Retry-After} header the client waits by. */
    @ServerExceptionMapper
    public Response tooManyAttempts(TooManyAttemptsException e) {
        return Response.fromResponse(api(e)).header("Retry-After", e.retryAfterSeconds()).build();
    }

    /** Quarkus ships its own mapper for this subtype (a bare 400), so it needs its own method. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return badJson(e);
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
        } else if (e.getProcessor() instanceof JsonParser parser) {
            field = path(parser.getParsingContext());
        }
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Trailing token")) {
            field = "body";
            message = "unexpected content after the JSON value";
        }
        return answer(new ErrorBody(400, "invalid-json", field,
                (field == null ? "" : field + ": ") + (message == null ? "malformed JSON" : message), null));
    }

    /** Where a parser stopped, e.g. {@code requests[2].observation}; null at the top level. */
    private static String path(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                segments.push("." + c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                segments.push("[" + c.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", segments);
        return path.isEmpty() ? null : path.startsWith(".") ? path.substring(1) : path;
    }

    /** JAX-RS refuses a body of another type before the resource runs; the answer names what was sent. */
    @ServerExceptionMapper
    public Response unsupportedType(NotSupportedException e, HttpHeaders headers) {
        return api(new UnsupportedContentTypeException(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)));
    }

    /** Body-reading failures arrive wrapped; unwrap Jackson's, keep any other JAX-RS status. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException json) {
                return badJson(json);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return answer(new ErrorBody(status, "http-" + status, null,
                known == null ? "request refused" : known.getReasonPhrase(), null));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return answer(new ErrorBody(401, "unauthorized", null, "a valid API key is required", null));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return answer(new ErrorBody(401, "unauthorized", null, "a valid API key is required", null));
    }

    /**
     * Quarkus's own 403, for a role that {@code @RolesAllowed} does not name; the kit's
     * {@link ForbiddenException} is an {@link ApiException}.
     */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return answer(new ErrorBody(403, "forbidden", null, "this key's role may not call this endpoint", null));
    }

    /** Everything else: never a client's fault by type alone, never its message or stack on the wire. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response internal(Throwable e) {
        String id = UUID.randomUUID().toString();
        Log.errorf(e, "internal error %s", id);
        return answer(new ErrorBody(500, "internal-error", null, "internal error; reference " + id + " in the service log",
                id));
    }
}

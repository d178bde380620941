package dev.apprentice.service.http;

import dev.apprentice.service.error.BodyTooLargeException;
import dev.apprentice.service.error.UnsupportedContentTypeException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards every JSON endpoint, and every upload marked {@code @BodyLimit(BodyKind.FILE)}, before its
 * body is read: a body needs the endpoint's {@code Content-Type} ({@code application/json}, or
 * {@code application/octet-stream} for a file; 415 otherwise), and may not be larger than its
 * endpoint's limit (413, and an
 * HTTP/1 connection is closed): a declared {@code Content-Length} is refused at once, unread; a
 * chunked body is buffered up to the limit and refused as soon as it passes it. The check runs on
 * the event loop and costs nothing per request; an oversized body is never parsed, so 10 MB
 * bodies cannot stall the loop that answers small decisions.
 */
public class RequestBodyFilter {

    private final HttpSettings settings;

    public RequestBodyFilter(HttpSettings settings) {
        this.settings = settings;
    }

    @ServerRequestFilter(nonBlocking = true)
    public Uni<Void> guard(ContainerRequestContext request, ResourceInfo resource, RoutingContext context) {
        if (resource.getResourceMethod() == null) {
            return Uni.createFrom().voidItem();
        }
        BodyLimit marked = resource.getResourceMethod().getAnnotation(BodyLimit.class);
        BodyKind kind = marked == null ? BodyKind.COMMAND : marked.value();
        if (kind == BodyKind.FILE) {
            MediaType type = request.getMediaType();
            if (type == null || !MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(type)) {
                throw new UnsupportedContentTypeException(MediaType.APPLICATION_OCTET_STREAM,
                        type == null ? null : type.toString());
            }
        } else if (!readsJsonBody(resource)) {
            return Uni.createFrom().voidItem();
        } else if (request.getMediaType() == null) {
            throw new UnsupportedContentTypeException(MediaType.APPLICATION_JSON, null);
        }
        long limit = limit(kind);
        String endpoint = request.getMethod() + " " + request.getUriInfo().getPath();
        HttpServerRequest http = context.request();
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            if (Long.parseLong(declared.trim()) > limit) {
                throw tooLarge(context, limit, endpoint);
            }
            return Uni.createFrom().voidItem();
        }
        if (http.isEnded()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(done -> {
            Buffer body = Buffer.buffer();
            boolean[] refused = {false};
            http.handler(chunk -> {
                if (refused[0]) {
                    return;
                }
                if (body.length() + chunk.length() > limit) {
                    refused[0] = true;
                    done.fail(tooLarge(context, limit, endpoint));
                } else {
                    body.appendBuffer(chunk);
                }
            });
            http.exceptionHandler(done::fail);
            http.endHandler(end -> {
                if (!refused[0]) {
                    request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
                    done.complete(null);
                }
            });
            if ("100-continue".equalsIgnoreCase(http.getHeader("Expect"))) {
                http.response().writeContinue();
            }
            http.resume();
        });
    }

    private long limit(BodyKind kind) {
        return switch (kind) {
            case DECISION -> settings.bodyLimit().decision().asLongValue();
            case BATCH -> settings.bodyLimit().batch().asLongValue();
            case COMMAND -> settings.bodyLimit().command().asLongValue();
            case FILE -> settings.bodyLimit().file().asLongValue();
        };
    }

    /** A method that consumes JSON and has an entity parameter (the one without a JAX-RS annotation). */
    private static boolean readsJsonBody(ResourceInfo resource) {
        if (Arrays.stream(resource.getResourceMethod().getParameters()).allMatch(p -> p.getAnnotations().length > 0)) {
            return false;
        }
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return consumes != null && Arrays.stream(consumes.value()).anyMatch(MediaType.APPLICATION_JSON::equals);
    }

    /**
     * The refusal. The rest of the body is never read: the request stops reading, and an HTTP/1
     * connection closes once the answer is sent (otherwise the server would drain the body).
     */
    private static BodyTooLargeException tooLarge(RoutingContext context, long limit, String endpoint) {
        HttpServerRequest http = context.request();
        http.pause();
        if (http.version() != HttpVersion.HTTP_2) {
            http.response().putHeader("Connection", "close");
            context.addEndHandler(sent -> http.connection().close());
        }
        return new BodyTooLargeException(limit, endpoint);
    }
}

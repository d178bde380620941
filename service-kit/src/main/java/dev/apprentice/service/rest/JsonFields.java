package dev.apprentice.service.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.http.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Typed reading of small JSON request bodies with errors that name the field ("maxEpisodes:
 * expected an integer, found string \"ten\""), which Jackson's record binding cannot promise.
 */
final class JsonFields {

    private final JsonNode body;

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    /** Wraps a body that must be an object with only the given fields. */
    static JsonFields of(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "body: expected a JSON object with fields " + allowed + ", found "
                    + JsonValues.kind(body));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw new InvalidRequestException(name, name + ": unknown field, expected one of " + allowed);
            }
        });
        return new JsonFields(body);
    }

    String text(String field) {
        JsonNode n = present(field);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidRequestException(field, field + ": expected a string, found " + JsonValues.kind(n));
        }
        return n.asText();
    }

    Integer integer(String field) {
        JsonNode n = present(field);
        if (n == null) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new InvalidRequestException(field, field + ": expected an integer, found " + JsonValues.kind(n));
        }
        return n.intValue();
    }

    Long longInteger(String field) {
        JsonNode n = present(field);
        if (n == null) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new InvalidRequestException(field, field + ": expected an integer, found " + JsonValues.kind(n));
        }
        return n.longValue();
    }

    List<String> texts(String field) {
        JsonNode n = present(field);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw new InvalidRequestException(field, field + ": expected an array of strings, found " + JsonValues.kind(n));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) {
                throw new InvalidRequestException(field + "[" + i + "]", field + "[" + i + "]: expected a string, found " + JsonValues.kind(n.get(i)));
            }
            out.add(n.get(i).asText());
        }
        return out;
    }

    private JsonNode present(String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n;
    }
}

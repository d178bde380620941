package dev.apprentice.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.service.error.InvalidRequestException;
import java.util.Locale;

/**
 * Checked reading of single values from a domain's request body, every error a 400 naming the
 * field by its JSON path ({@code observations[3].bis: expected a number, found string "high"}).
 */
public final class JsonValues {

    private JsonValues() {
    }

    /** A finite number at {@code field}. */
    public static double number(JsonNode node, String field) {
        if (node == null || !node.isNumber()) {
            throw new InvalidRequestException(field, "expected a number, found " + kind(node));
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw new InvalidRequestException(field, "expected a finite number, found " + v);
        }
        return v;
    }

    /** A finite number in [low, high] at {@code field}; {@code unit} is shown in the error. */
    public static double number(JsonNode node, String field, double low, double high, String unit) {
        double v = number(node, field);
        if (!(v >= low && v <= high)) {
            throw new InvalidRequestException(field, "expected a value in [" + trim(low) + ", " + trim(high) + "]"
                    + (unit.isEmpty() ? "" : " " + unit) + ", found " + v);
        }
        return v;
    }

    /** A string at {@code field}. */
    public static String text(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            throw new InvalidRequestException(field, "expected a string, found " + kind(node));
        }
        return node.asText();
    }

    /** The object at {@code field} ({@code ""}: the body itself), with no fields but {@code allowed}. */
    public static JsonNode object(JsonNode node, String field, java.util.Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException(field.isEmpty() ? "body" : field, "expected an object with " + allowed
                    + ", found " + kind(node));
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw new InvalidRequestException(path(field, name), "unknown field, expected one of " + allowed);
            }
        });
        return node;
    }

    /** {@code field} inside the body at {@code path} ({@code ""} for the top level). */
    public static String path(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** What a node is, for error messages: {@code nothing}, {@code null}, {@code string "x"}, {@code array}. */
    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + (node.isValueNode() ? " " + node : "");
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

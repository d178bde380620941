package dev.apprentice.phonesecurity.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.phonesecurity.behaviour.Activity;
import dev.apprentice.phonesecurity.behaviour.BehaviourLayout;
import dev.apprentice.phonesecurity.behaviour.FeatureSample;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.http.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads behaviour samples from request bodies: {@code {"samples": [{"activity": "sitting",
 * "touch": [30 ms timings], "sensor": [112 statistics]}, ...]}}, oldest first. Errors name the
 * field and the problem and never repeat a feature value: these are personal data.
 */
final class SampleRequests {

    private static final Set<String> BODY = Set.of("samples");
    private static final Set<String> SAMPLE = Set.of("activity", "touch", "sensor");

    private SampleRequests() {
    }

    /** The samples of a body, between 1 and {@code max} of them. */
    static List<FeatureSample> samples(JsonNode body, String userId, int max) {
        JsonValues.object(body, "", BODY);
        JsonNode list = body.get("samples");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > max) {
            throw new InvalidRequestException("samples", "expected an array of 1 to " + max + " samples, found "
                    + (list != null && list.isArray() ? list.size() + " samples" : JsonValues.kind(list)));
        }
        List<FeatureSample> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = "samples[" + i + "]";
            JsonNode s = JsonValues.object(list.get(i), at, SAMPLE);
            Activity activity;
            try {
                activity = Activity.fromId(JsonValues.text(s.get("activity"), at + ".activity"));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(at + ".activity", "expected one of sitting, standing, walking");
            }
            float[] features = new float[BehaviourLayout.FEATURES];
            read(s.get("touch"), at + ".touch", features, 0, BehaviourLayout.TOUCH, BehaviourLayout.MIN_TIMING_MS,
                    BehaviourLayout.MAX_TIMING_MS, "a typing timing in ms");
            read(s.get("sensor"), at + ".sensor", features, BehaviourLayout.TOUCH, BehaviourLayout.SENSOR,
                    -BehaviourLayout.MAX_SENSOR_MAGNITUDE, BehaviourLayout.MAX_SENSOR_MAGNITUDE, "a motion statistic");
            out.add(new FeatureSample(userId, activity, features));
        }
        return out;
    }

    private static void read(JsonNode node, String field, float[] into, int offset, int count, float low, float high,
            String what) {
        if (node == null || !node.isArray() || node.size() != count) {
            throw new InvalidRequestException(field, "expected an array of " + count + " numbers, found "
                    + (node != null && node.isArray() ? node.size() + " values" : JsonValues.kind(node)));
        }
        for (int j = 0; j < count; j++) {
            JsonNode v = node.get(j);
            if (v == null || !v.isNumber()) {
                throw new InvalidRequestException(field + "[" + j + "]", "expected " + what + " (a number)");
            }
            double x = v.asDouble();
            if (!Double.isFinite(x) || x < low || x > high) {
                throw new InvalidRequestException(field + "[" + j + "]", "expected " + what + " in [" + (long) low + ", "
                        + (long) high + "]; the value sent is not");
            }
            into[offset + j] = (float) x;
        }
    }
}

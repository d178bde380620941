package dev.apprentice.lanechange.mapping;

import static dev.apprentice.service.http.JsonValues.kind;
import static dev.apprentice.service.http.JsonValues.number;
import static dev.apprentice.service.http.JsonValues.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.lanechange.sim.HighwayConfig;
import dev.apprentice.lanechange.sim.KinematicsObservation;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a decision request body into the raw 5 × 5 kinematics observation, checking every value:
 * either {@code "observation"} (25 numbers, flat or as 5 rows of 5) or {@code "vehicles"} (the ego
 * and the surrounding vehicles in road coordinates, which are encoded here). Errors name the field
 * by its JSON path, e.g. {@code observation[2][3]: expected a value in [-1, 1], found 1.5}.
 */
public final class DecisionRequests implements DecisionCodec {

    /** Most surrounding vehicles accepted in one request. */
    public static final int MAX_VEHICLES = 500;
    /** Largest speed accepted in a vehicle list, m/s. */
    public static final double MAX_SPEED = 80;

    private static final HighwayConfig ROAD = HighwayConfig.defaults();
    private static final int ROWS = ROAD.observedVehicles();
    private static final int COLUMNS = HighwayConfig.FEATURES;

    /**
     * The observation a request body describes.
     *
     * @param path the JSON path of the body, e.g. {@code ""} or {@code "[3]"} inside a batch
     * @throws InvalidRequestException naming the offending field
     */
    @Override
    public float[] observation(JsonNode body, String path) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(path(path, "body"), "expected a JSON object with 'observation' or"
                    + " 'vehicles', found " + kind(body));
        }
        JsonNode observation = body.get("observation");
        JsonNode vehicles = body.get("vehicles");
        if ((observation == null) == (vehicles == null)) {
            throw new InvalidRequestException(path(path, "observation"), "expected exactly one of 'observation' (5x5"
                    + " kinematics) or 'vehicles' (ego and surrounding vehicles), found "
                    + (observation == null ? "neither" : "both"));
        }
        return observation != null ? kinematics(observation, path(path, "observation")) : vehicles(vehicles,
                path(path, "vehicles"));
    }

    private static float[] kinematics(JsonNode node, String field) {
        if (!node.isArray()) {
            throw new InvalidRequestException(field, "expected 25 numbers or 5 rows of 5, found " + kind(node));
        }
        float[] out = new float[ROWS * COLUMNS];
        if (node.size() == ROWS * COLUMNS) {
            for (int i = 0; i < out.length; i++) {
                out[i] = unitValue(node.get(i), field, i, -1);
            }
        } else if (node.size() == ROWS) {
            for (int r = 0; r < ROWS; r++) {
                JsonNode row = node.get(r);
                if (!row.isArray() || row.size() != COLUMNS) {
                    throw new InvalidRequestException(field + "[" + r + "]", "expected a row of 5 numbers [presence, x, y,"
                            + " vx, vy], found " + (row.isArray() ? row.size() + " values" : kind(row)));
                }
                for (int c = 0; c < COLUMNS; c++) {
                    out[r * COLUMNS + c] = unitValue(row.get(c), field, r, c);
                }
            }
        } else {
            throw new InvalidRequestException(field, "expected 25 numbers or 5 rows of 5, found " + node.size()
                    + " values");
        }
        return out;
    }

    /**
     * Element {@code [i]} (or {@code [i][j]} when {@code j >= 0}) of the observation; its field name
     * is built only for an error, since this runs 25 times for every decision.
     */
    private static float unitValue(JsonNode node, String array, int i, int j) {
        if (node != null && node.isNumber()) {
            double v = node.doubleValue();
            if (v >= -1 && v <= 1) {
                return (float) v;
            }
        }
        String field = array + "[" + i + "]" + (j >= 0 ? "[" + j + "]" : "");
        double v = number(node, field);
        throw new InvalidRequestException(field, "expected a value in [-1, 1], found " + v);
    }

    private static float[] vehicles(JsonNode node, String field) {
        if (!node.isObject()) {
            throw new InvalidRequestException(field, "expected an object with 'ego' and 'others', found " + kind(node));
        }
        KinematicsObservation.Vehicle ego = vehicle(node.get("ego"), field + ".ego");
        JsonNode others = node.get("others");
        List<KinematicsObservation.Vehicle> list = new ArrayList<>();
        if (others != null && !others.isNull()) {
            if (!others.isArray() || others.size() > MAX_VEHICLES) {
                throw new InvalidRequestException(field + ".others", "expected an array of at most " + MAX_VEHICLES
                        + " vehicles, found " + (others.isArray() ? others.size() + " vehicles" : kind(others)));
            }
            for (int i = 0; i < others.size(); i++) {
                list.add(vehicle(others.get(i), field + ".others[" + i + "]"));
            }
        }
        return KinematicsObservation.encode(ROAD, ego, list);
    }

    private static KinematicsObservation.Vehicle vehicle(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException(field, "expected an object {x, y, vx, vy} in metres and m/s, found "
                    + kind(node));
        }
        double x = number(node.get("x"), field + ".x");
        double y = number(node.get("y"), field + ".y");
        double top = ROAD.laneCenter(0) - ROAD.laneWidth() / 2;
        double bottom = ROAD.laneCenter(ROAD.lanes() - 1) + ROAD.laneWidth() / 2;
        if (y < top || y > bottom) {
            throw new InvalidRequestException(field + ".y", "expected a lateral position on the road, in [" + top + ", "
                    + bottom + "] m, found " + y);
        }
        double vx = number(node.get("vx"), field + ".vx");
        if (vx < 0 || vx > MAX_SPEED) {
            throw new InvalidRequestException(field + ".vx", "expected a speed in [0, " + MAX_SPEED + "] m/s, found " + vx);
        }
        JsonNode vyNode = node.get("vy");
        double vy = vyNode == null ? 0 : number(vyNode, field + ".vy");
        if (Math.abs(vy) > 10) {
            throw new InvalidRequestException(field + ".vy", "expected a lateral speed in [-10, 10] m/s, found " + vy);
        }
        return new KinematicsObservation.Vehicle(x, y, vx, vy);
    }
}

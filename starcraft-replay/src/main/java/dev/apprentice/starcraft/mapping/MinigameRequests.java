package dev.apprentice.starcraft.mapping;

import static dev.apprentice.service.http.JsonValues.kind;
import static dev.apprentice.service.http.JsonValues.number;
import static dev.apprentice.service.http.JsonValues.object;
import static dev.apprentice.service.http.JsonValues.path;
import static dev.apprentice.service.http.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.starcraft.minigame.FeatureLayers;
import dev.apprentice.starcraft.minigame.FeatureLayers.Layer;
import dev.apprentice.starcraft.minigame.Minigame;
import dev.apprentice.starcraft.minigame.MinigameEnvironment;
import dev.apprentice.starcraft.minigame.MinigameFunction;
import dev.apprentice.starcraft.minigame.PlayerRelative;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads a minigame decision request, the feature layers as pysc2 hands them to an agent, into the raw
 * observation, checking every cell:
 *
 * <pre>{@code
 * {"screen": {"player_relative": [[0, 0, ...], ...],   // 32 rows of 32 pysc2 codes: 0 none, 1 self, 3 neutral, 4 enemy
 *             "selected": [[0, 1, ...], ...],          // 0 or 1
 *             "unit_density": [[0, 2, ...], ...],      // units covering the cell, 0 or more
 *             "unit_hit_points_ratio": [[0, 0.8, ...], ...],  // in [0, 1] (pysc2's layer / 255)
 *             "orders": [[0, 1, ...], ...]},           // 1 where an own unit has an order
 *  "minimap": {"player_relative": [[...16 rows of 16...]], "camera": [[...]]},   // camera optional (all 1)
 *  "game_loop": 640, "selected_count": 1, "last_action": "Move_screen"}          // last_action optional
 * }</pre>
 *
 * The minigame comes from the endpoint, never from the body.
 */
public final class MinigameRequests implements DecisionCodec {

    private static final Set<String> TOP = Set.of("screen", "minimap", "game_loop", "selected_count", "last_action");
    private static final Set<String> SCREEN = Set.of("player_relative", "selected", "unit_density",
            "unit_hit_points_ratio", "orders");
    private static final Set<String> MINIMAP = Set.of("player_relative", "camera");
    /** Game loops in an episode: 120 s at 22.4 loops per second. */
    static final int EPISODE_LOOPS = MinigameEnvironment.EPISODE_STEPS * MinigameEnvironment.GAME_LOOPS_PER_STEP;

    private final Minigame minigame;

    /** @param minigame the endpoint's minigame */
    public MinigameRequests(Minigame minigame) {
        this.minigame = minigame;
    }

    @Override
    public float[] observation(JsonNode body, String at) {
        object(body, at, TOP);
        float[] obs = new float[FeatureLayers.LENGTH];
        JsonNode screen = object(body.get("screen"), path(at, "screen"), SCREEN);
        JsonNode minimap = object(body.get("minimap"), path(at, "minimap"), MINIMAP);
        String s = path(at, "screen");
        String m = path(at, "minimap");
        layer(screen.get("player_relative"), path(s, "player_relative"), Layer.SCREEN_PLAYER_RELATIVE, obs,
                Cell.PLAYER_RELATIVE);
        layer(screen.get("selected"), path(s, "selected"), Layer.SCREEN_SELECTED, obs, Cell.FLAG);
        layer(screen.get("unit_density"), path(s, "unit_density"), Layer.SCREEN_UNIT_DENSITY, obs, Cell.COUNT);
        layer(screen.get("unit_hit_points_ratio"), path(s, "unit_hit_points_ratio"), Layer.SCREEN_HIT_POINTS_RATIO,
                obs, Cell.FRACTION);
        layer(screen.get("orders"), path(s, "orders"), Layer.SCREEN_ORDERS, obs, Cell.FLAG);
        layer(minimap.get("player_relative"), path(m, "player_relative"), Layer.MINIMAP_PLAYER_RELATIVE, obs,
                Cell.PLAYER_RELATIVE);
        if (minimap.has("camera")) {
            layer(minimap.get("camera"), path(m, "camera"), Layer.MINIMAP_CAMERA, obs, Cell.FLAG);
        } else {
            Layer camera = Layer.MINIMAP_CAMERA;
            Arrays.fill(obs, camera.offset(), camera.offset() + camera.cells(), 1f);
        }
        obs[FeatureLayers.MINIGAME_OFFSET + minigame.ordinal()] = 1;
        obs[FeatureLayers.TIME_ELAPSED_OFFSET] = (float) (number(body.get("game_loop"), path(at, "game_loop"), 0,
                EPISODE_LOOPS, "game loops") / EPISODE_LOOPS);
        double selected = number(body.get("selected_count"), path(at, "selected_count"), 0, 1000, "units");
        if (selected != Math.rint(selected)) {
            throw new InvalidRequestException(path(at, "selected_count"), "expected a whole number of units, found "
                    + selected);
        }
        obs[FeatureLayers.SELECTED_COUNT_OFFSET] = (float) Math.min(1.0, selected / FeatureLayers.SELECTED_COUNT_SCALE);
        JsonNode last = body.get("last_action");
        if (last != null && !last.isNull()) {
            String field = path(at, "last_action");
            try {
                MinigameFunction f = MinigameFunction.byPysc2Name(text(last, field));
                obs[FeatureLayers.LAST_ACTION_OFFSET + f.ordinal()] = 1;
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(field, e.getMessage().replaceFirst("^function", "last_action"));
            }
        }
        return obs;
    }

    /** How one cell's value is read and stored. */
    private enum Cell {
        /** pysc2's player_relative code 0–4, stored as code / 4. */
        PLAYER_RELATIVE("a player_relative code 0-4") {
            @Override
            float store(double v) {
                return isWhole(v) && v >= 0 && v <= 4 ? PlayerRelative.values()[(int) v].layerValue() : Float.NaN;
            }
        },
        /** 0 or 1. */
        FLAG("0 or 1") {
            @Override
            float store(double v) {
                return v == 0 || v == 1 ? (float) v : Float.NaN;
            }
        },
        /** A count of units, stored as count / 4 capped at 1. */
        COUNT("a whole number of units >= 0") {
            @Override
            float store(double v) {
                return isWhole(v) && v >= 0 && v <= 1e6 ? (float) Math.min(1.0, v / 4) : Float.NaN;
            }
        },
        /** A fraction in [0, 1]. */
        FRACTION("a value in [0, 1]") {
            @Override
            float store(double v) {
                return v >= 0 && v <= 1 ? (float) v : Float.NaN;
            }
        };

        private final String expected;

        Cell(String expected) {
            this.expected = expected;
        }

        /** The stored value, or NaN when {@code v} is not allowed. */
        abstract float store(double v);

        private static boolean isWhole(double v) {
            return v == Math.rint(v);
        }
    }

    private static void layer(JsonNode rows, String field, Layer layer, float[] obs, Cell cell) {
        int size = layer.size();
        if (rows == null || !rows.isArray() || rows.size() != size) {
            throw new InvalidRequestException(field, "expected " + size + " rows of " + size + " values, found "
                    + (rows != null && rows.isArray() ? rows.size() + " rows" : kind(rows)));
        }
        for (int y = 0; y < size; y++) {
            JsonNode row = rows.get(y);
            if (!row.isArray() || row.size() != size) {
                throw new InvalidRequestException(field + "[" + y + "]", "expected " + size + " values, found "
                        + (row.isArray() ? row.size() + " values" : kind(row)));
            }
            for (int x = 0; x < size; x++) {
                JsonNode value = row.get(x);
                float stored = value.isNumber() ? cell.store(value.doubleValue()) : Float.NaN;
                if (Float.isNaN(stored)) {
                    throw new InvalidRequestException(field + "[" + y + "][" + x + "]", "expected " + cell.expected
                            + ", found " + kind(value));
                }
                obs[layer.index(x, y)] = stored;
            }
        }
    }
}

package dev.apprentice.starcraft.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apprentice.starcraft.minigame.FeatureLayers;
import dev.apprentice.starcraft.minigame.FeatureLayers.Layer;
import dev.apprentice.starcraft.minigame.MinigameFunction;
import dev.apprentice.starcraft.minigame.PlayerRelative;

/** Writes a simulator observation as the decision request a pysc2 client would send: the layers by name. */
public final class FeatureLayersJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeatureLayersJson() {
    }

    public static ObjectNode of(float[] observation, int gameLoop) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode screen = body.putObject("screen");
        screen.set("player_relative", layer(observation, Layer.SCREEN_PLAYER_RELATIVE, Kind.CODE));
        screen.set("selected", layer(observation, Layer.SCREEN_SELECTED, Kind.VALUE));
        screen.set("unit_density", layer(observation, Layer.SCREEN_UNIT_DENSITY, Kind.COUNT));
        screen.set("unit_hit_points_ratio", layer(observation, Layer.SCREEN_HIT_POINTS_RATIO, Kind.VALUE));
        screen.set("orders", layer(observation, Layer.SCREEN_ORDERS, Kind.VALUE));
        ObjectNode minimap = body.putObject("minimap");
        minimap.set("player_relative", layer(observation, Layer.MINIMAP_PLAYER_RELATIVE, Kind.CODE));
        body.put("game_loop", gameLoop);
        body.put("selected_count", FeatureLayers.selectedCount(observation));
        for (MinigameFunction f : MinigameFunction.values()) {
            if (observation[FeatureLayers.LAST_ACTION_OFFSET + f.ordinal()] > 0.5f) {
                body.put("last_action", f.pysc2Name());
            }
        }
        return body;
    }

    private enum Kind { CODE, COUNT, VALUE }

    private static ArrayNode layer(float[] observation, Layer layer, Kind kind) {
        ArrayNode rows = JSON.createArrayNode();
        for (int y = 0; y < layer.size(); y++) {
            ArrayNode row = rows.addArray();
            for (int x = 0; x < layer.size(); x++) {
                float v = FeatureLayers.at(observation, layer, x, y);
                switch (kind) {
                    case CODE -> row.add(PlayerRelative.ofLayerValue(v).code());
                    case COUNT -> row.add(Math.round(v * 4));
                    case VALUE -> row.add(v);
                }
            }
        }
        return rows;
    }
}

package dev.apprentice.starcraft.mapping;

import static dev.apprentice.service.http.JsonValues.kind;
import static dev.apprentice.service.http.JsonValues.number;
import static dev.apprentice.service.http.JsonValues.object;
import static dev.apprentice.service.http.JsonValues.path;
import static dev.apprentice.service.http.JsonValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apprentice.service.domain.DecisionCodec;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.starcraft.demonstration.ProductionCatalog;
import dev.apprentice.starcraft.demonstration.ProductionFeatures;
import dev.apprentice.starcraft.demonstration.ProductionState;
import dev.apprentice.starcraft.demonstration.Race;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a next-production request, a player's state in game units, into the raw state, checking every
 * value:
 *
 * <pre>{@code
 * {"race": "terran", "opponents": ["zerg"], "game_loop": 6720,
 *  "minerals": 350, "vespene": 100, "mineral_rate": 900, "vespene_rate": 200, "workers": 30,
 *  "supply_used": 45, "supply_made": 62,
 *  "produced": {"SCV": 20, "SupplyDepot": 2, "Barracks": 1},
 *  "recent": ["SupplyDepot", "SCV"],                         // the last two productions, most recent last
 *  "own_units": [[...8 rows of 8 counts...]], "enemy_units": [[...]]}   // optional coarse minimap
 * }</pre>
 */
public final class ProductionRequests implements DecisionCodec {

    private static final Set<String> FIELDS = Set.of("race", "opponents", "game_loop", "minerals", "vespene",
            "mineral_rate", "vespene_rate", "workers", "supply_used", "supply_made", "produced", "recent", "own_units",
            "enemy_units");
    /** Most opponents a game can have. */
    static final int MAX_OPPONENTS = 15;
    /** The longest game accepted: 24 hours of game loops. */
    static final long MAX_GAME_LOOP = (long) (24 * 3600 * ProductionFeatures.LOOPS_PER_SECOND);
    private static final double MAX_AMOUNT = 1e6;

    @Override
    public float[] observation(JsonNode body, String at) {
        object(body, at, FIELDS);
        Race race = race(body.get("race"), path(at, "race"));
        List<Race> opponents = new ArrayList<>();
        JsonNode list = body.get("opponents");
        String opponentsField = path(at, "opponents");
        if (list == null || !list.isArray() || list.size() > MAX_OPPONENTS) {
            throw new InvalidRequestException(opponentsField, "expected a list of up to " + MAX_OPPONENTS
                    + " races, found " + (list != null && list.isArray() ? list.size() + " entries" : kind(list)));
        }
        for (int i = 0; i < list.size(); i++) {
            opponents.add(race(list.get(i), opponentsField + "[" + i + "]"));
        }
        long gameLoop = whole(body.get("game_loop"), path(at, "game_loop"), MAX_GAME_LOOP);
        int[] produced = new int[ProductionCatalog.size()];
        String producedField = path(at, "produced");
        JsonNode counts = body.get("produced");
        if (counts == null || !counts.isObject()) {
            throw new InvalidRequestException(producedField, "expected an object of production name to count, found "
                    + kind(counts));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int index = production(e.getKey(), path(producedField, e.getKey()));
            produced[index] = (int) whole(e.getValue(), path(producedField, e.getKey()), 100_000);
        }
        int last = -1;
        int previous = -1;
        JsonNode recent = body.get("recent");
        String recentField = path(at, "recent");
        if (recent != null && !recent.isNull()) {
            if (!recent.isArray() || recent.size() > 2) {
                throw new InvalidRequestException(recentField, "expected the last two productions at most, most recent"
                        + " last, found " + (recent.isArray() ? recent.size() + " entries" : kind(recent)));
            }
            for (int i = 0; i < recent.size(); i++) {
                String field = recentField + "[" + i + "]";
                int index = production(text(recent.get(i), field), field);
                previous = last;
                last = index;
            }
        }
        return new ProductionState(race, opponents, gameLoop, amount(body, at, "minerals"), amount(body, at, "vespene"),
                amount(body, at, "mineral_rate"), amount(body, at, "vespene_rate"), amount(body, at, "workers"),
                amount(body, at, "supply_used"), amount(body, at, "supply_made"), produced, last, previous,
                grid(body.get("own_units"), path(at, "own_units")), grid(body.get("enemy_units"), path(at, "enemy_units")))
                .features();
    }

    private static Race race(JsonNode node, String field) {
        String name = text(node, field);
        try {
            return Race.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "expected one of " + Arrays.stream(Race.values())
                    .map(r -> r.name().toLowerCase(Locale.ROOT)).toList() + ", found '" + name + "'");
        }
    }

    private static int production(String name, String field) {
        int index = ProductionCatalog.indexOf(name);
        if (index < 0) {
            throw new InvalidRequestException(field, "expected a unit or structure of the catalogue (e.g. SCV, Barracks,"
                    + " Zergling; GET /api/v1/starcraft/productions lists the " + ProductionCatalog.size() + "), found '"
                    + name + "'");
        }
        return index;
    }

    private static double amount(JsonNode body, String at, String name) {
        return number(body.get(name), path(at, name), 0, MAX_AMOUNT, "");
    }

    private static long whole(JsonNode node, String field, double max) {
        double v = number(node, field, 0, max, "");
        if (v != Math.rint(v)) {
            throw new InvalidRequestException(field, "expected a whole number, found " + v);
        }
        return (long) v;
    }

    private static int[] grid(JsonNode rows, String field) {
        if (rows == null || rows.isNull()) {
            return null;
        }
        int size = ProductionFeatures.GRID;
        if (!rows.isArray() || rows.size() != size) {
            throw new InvalidRequestException(field, "expected " + size + " rows of " + size + " unit counts, found "
                    + (rows.isArray() ? rows.size() + " rows" : kind(rows)));
        }
        int[] grid = new int[size * size];
        for (int y = 0; y < size; y++) {
            JsonNode row = rows.get(y);
            if (!row.isArray() || row.size() != size) {
                throw new InvalidRequestException(field + "[" + y + "]", "expected " + size + " counts, found "
                        + (row.isArray() ? row.size() + " values" : kind(row)));
            }
            for (int x = 0; x < size; x++) {
                grid[y * size + x] = (int) whole(row.get(x), field + "[" + y + "][" + x + "]", 100_000);
            }
        }
        return grid;
    }
}

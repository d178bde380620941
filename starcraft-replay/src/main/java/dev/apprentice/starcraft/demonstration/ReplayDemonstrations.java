package dev.apprentice.starcraft.demonstration;

import dev.apprentice.starcraft.replay.Replay;
import dev.apprentice.starcraft.replay.ReplayEvent;
import dev.apprentice.starcraft.replay.StreamSummary;
import dev.apprentice.starcraft.replay.protocol.ChoiceValue;
import dev.apprentice.starcraft.replay.protocol.EventStreamKind;
import dev.apprentice.starcraft.replay.protocol.StructValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a replay into demonstrations, one episode per player: at every production a player starts, the
 * state the replay shows just before it and the production itself (the action that generalises across
 * builds: unit and structure types are named in tracker events), plus the minimap cell of the player's next
 * targeted command. Replays without tracker events (before game 2.0.8) hold no productions and give none.
 */
public final class ReplayDemonstrations {
    private static final String TRACKER = "NNet.Replay.Tracker.";
    private static final int PLAYER_TYPE_USER = 1;
    private static final int PLAYER_TYPE_COMPUTER = 2;
    /** Map coordinates in command events are fixed point with 12 fraction bits. */
    private static final double COMMAND_UNITS_PER_CELL = 4096.0;

    private ReplayDemonstrations() {
    }

    /**
     * @param replay   an opened replay
     * @param replayId how the demonstrations name it
     * @return one entry per participating player with at least one production; empty when the replay has no
     *         (decodable) tracker events
     */
    public static List<PlayerDemonstrations> extract(Replay replay, String replayId) {
        List<ReplayEvent> tracker = new ArrayList<>();
        StreamSummary trackerSummary = replay.forEachEvent(EventStreamKind.TRACKER, tracker::add);
        if (trackerSummary.status() != StreamSummary.Status.COMPLETE || tracker.isEmpty()) {
            return List.of();
        }
        List<Command> commands = new ArrayList<>();
        replay.forEachEvent(EventStreamKind.GAME, event -> {
            if (event.name().equals("NNet.Game.SCmdEvent")) {
                Command command = Command.of(event);
                if (command != null) {
                    commands.add(command);
                }
            }
        });
        StructValue lobby = replay.initData().getStruct("m_syncLobbyState");
        StructValue description = lobby == null ? null : lobby.getStruct("m_gameDescription");
        double mapWidth = description == null ? 256 : Math.max(1, description.getLong("m_mapSizeX", 256));
        double mapHeight = description == null ? 256 : Math.max(1, description.getLong("m_mapSizeY", 256));
        List<Object> slots = lobby == null || lobby.getStruct("m_lobbyState") == null ? List.of()
                : lobby.getStruct("m_lobbyState").getList("m_slots");
        Walk walk = new Walk(replayId, tracker, commands, slots, mapWidth, mapHeight);
        // The details list players in player-id order (ids start at 1).
        List<dev.apprentice.starcraft.replay.Player> listed = replay.details().players();
        for (int i = 0; i < listed.size(); i++) {
            walk.names.put(i + 1, listed.get(i).name());
        }
        return walk.run();
    }

    /** A targeted command: who sent it, when, and where on the map (in map cells). */
    private record Command(int userId, long gameLoop, double x, double y) {
        static Command of(ReplayEvent event) {
            if (!(event.data().get("m_data") instanceof ChoiceValue data)) {
                return null;
            }
            StructValue point = null;
            if (data.name().equals("TargetPoint") && data.value() instanceof StructValue target) {
                point = target;
            } else if (data.name().equals("TargetUnit") && data.value() instanceof StructValue unit) {
                point = unit.getStruct("m_snapshotPoint");
            }
            if (point == null || !point.has("x") || !point.has("y")) {
                return null;
            }
            return new Command(event.userId(), event.gameLoop(), point.getLong("x") / COMMAND_UNITS_PER_CELL,
                    point.getLong("y") / COMMAND_UNITS_PER_CELL);
        }
    }

    private static final class Unit {
        String type;
        int owner;
        double x;
        double y;
    }

    private static final class PlayerState {
        final int id;
        int userId = -1;
        int team = -1;
        boolean human;
        Race race;
        final double[] economy = new double[ProductionFeatures.ECONOMY_WIDTH];
        final int[] produced = new int[ProductionCatalog.size()];
        int last = -1;
        int previous = -1;
        final List<ProductionStep> steps = new ArrayList<>();

        PlayerState(int id) {
            this.id = id;
        }
    }

    /** One pass over the tracker events in game order, keeping units, statistics and productions. */
    private static final class Walk {
        private final String replayId;
        private final List<ReplayEvent> tracker;
        private final List<Command> commands;
        private final List<Object> slots;
        private final double mapWidth;
        private final double mapHeight;
        private final Map<Integer, Unit> units = new HashMap<>();
        private final Map<Integer, PlayerState> players = new LinkedHashMap<>();
        private final Map<Integer, String> names = new HashMap<>();

        Walk(String replayId, List<ReplayEvent> tracker, List<Command> commands, List<Object> slots,
                double mapWidth, double mapHeight) {
            this.replayId = replayId;
            this.tracker = tracker;
            this.commands = commands;
            this.slots = slots;
            this.mapWidth = mapWidth;
            this.mapHeight = mapHeight;
        }

        List<PlayerDemonstrations> run() {
            long lastLoop = 0;
            for (ReplayEvent event : tracker) {
                lastLoop = event.gameLoop();
                StructValue data = event.data();
                switch (event.name().substring(TRACKER.length())) {
                    case "SPlayerSetupEvent" -> setUp(data);
                    case "SPlayerStatsEvent" -> stats(data);
                    case "SUnitBornEvent", "SUnitInitEvent" -> born(event, data);
                    case "SUnitTypeChangeEvent" -> typeChange(event, data);
                    case "SUnitDiedEvent" -> units.remove((int) data.getLong("m_unitTagIndex", -1));
                    case "SUnitOwnerChangeEvent" -> {
                        Unit unit = units.get((int) data.getLong("m_unitTagIndex", -1));
                        if (unit != null) {
                            unit.owner = (int) data.getLong("m_controlPlayerId", unit.owner);
                        }
                    }
                    case "SUnitPositionsEvent" -> positions(data);
                    default -> {
                        // upgrades, unit done: no change to the state the features show
                    }
                }
            }
            List<PlayerDemonstrations> result = new ArrayList<>();
            for (PlayerState player : players.values()) {
                if (player.race != null && !player.steps.isEmpty()) {
                    result.add(new PlayerDemonstrations(replayId, player.id,
                            names.getOrDefault(player.id, "player " + player.id), player.race, player.human,
                            player.steps, features(player, lastLoop)));
                }
            }
            return result;
        }

        private void setUp(StructValue data) {
            int type = (int) data.getLong("m_type", 0);
            if (type != PLAYER_TYPE_USER && type != PLAYER_TYPE_COMPUTER) {
                return;
            }
            PlayerState player = players.computeIfAbsent((int) data.getLong("m_playerId"), PlayerState::new);
            player.human = type == PLAYER_TYPE_USER;
            player.userId = (int) data.getLong("m_userId", -1);
            int slot = (int) data.getLong("m_slotId", -1);
            if (slot >= 0 && slot < slots.size() && slots.get(slot) instanceof StructValue lobbySlot) {
                player.team = (int) lobbySlot.getLong("m_teamId", -1);
            }
        }

        private void stats(StructValue data) {
            PlayerState player = players.get((int) data.getLong("m_playerId", -1));
            StructValue stats = data.getStruct("m_stats");
            if (player == null || stats == null) {
                return;
            }
            double[] e = player.economy;
            e[0] = stats.getLong("m_scoreValueMineralsCurrent", 0);
            e[1] = stats.getLong("m_scoreValueVespeneCurrent", 0);
            e[2] = stats.getLong("m_scoreValueMineralsCollectionRate", 0);
            e[3] = stats.getLong("m_scoreValueVespeneCollectionRate", 0);
            e[4] = stats.getLong("m_scoreValueWorkersActiveCount", 0);
            // Supply is kept in 1/4096ths.
            e[5] = stats.getLong("m_scoreValueFoodUsed", 0) / 4096.0;
            e[6] = stats.getLong("m_scoreValueFoodMade", 0) / 4096.0;
        }

        private void born(ReplayEvent event, StructValue data) {
            Unit unit = new Unit();
            unit.type = data.getText("m_unitTypeName");
            unit.owner = (int) data.getLong("m_controlPlayerId", 0);
            unit.x = data.getLong("m_x", 0);
            unit.y = data.getLong("m_y", 0);
            units.put((int) data.getLong("m_unitTagIndex", -1), unit);
            PlayerState player = players.get(unit.owner);
            if (player == null || unit.type == null) {
                return;
            }
            if (event.gameLoop() == 0) {
                if (player.race == null) {
                    player.race = Race.ofStartingUnit(unit.type);
                }
                return;
            }
            produced(player, ProductionCatalog.indexOf(unit.type), event.gameLoop());
        }

        private void typeChange(ReplayEvent event, StructValue data) {
            Unit unit = units.get((int) data.getLong("m_unitTagIndex", -1));
            String type = data.getText("m_unitTypeName");
            if (unit == null || type == null) {
                return;
            }
            int production = ProductionCatalog.morph(unit.type, type);
            unit.type = type;
            PlayerState player = players.get(unit.owner);
            if (player != null && event.gameLoop() > 0) {
                produced(player, production, event.gameLoop());
            }
        }

        private void positions(StructValue data) {
            List<Object> items = data.getList("m_items");
            int index = (int) data.getLong("m_firstUnitIndex", 0);
            for (int i = 0; i + 2 < items.size(); i += 3) {
                index += (int) (long) (Long) items.get(i);
                Unit unit = units.get(index);
                if (unit != null) {
                    unit.x = (Long) items.get(i + 1);
                    unit.y = (Long) items.get(i + 2);
                }
            }
        }

        private void produced(PlayerState player, int production, long gameLoop) {
            if (production < 0 || player.race == null || ProductionCatalog.race(production) != player.race) {
                return;
            }
            player.steps.add(new ProductionStep(gameLoop, features(player, gameLoop), production,
                    nextCommandCell(player, gameLoop)));
            player.produced[production]++;
            player.previous = player.last;
            player.last = production;
        }

        private int nextCommandCell(PlayerState player, long gameLoop) {
            if (player.userId < 0) {
                return -1;
            }
            int low = 0;
            int high = commands.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (commands.get(middle).gameLoop() < gameLoop) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            for (int i = low; i < commands.size(); i++) {
                Command command = commands.get(i);
                if (command.userId() == player.userId) {
                    return cell(command.x(), command.y());
                }
            }
            return -1;
        }

        private int cell(double x, double y) {
            int grid = ProductionFeatures.GRID;
            int cx = (int) Math.max(0, Math.min(grid - 1, Math.floor(x / mapWidth * grid)));
            int cy = (int) Math.max(0, Math.min(grid - 1, Math.floor(y / mapHeight * grid)));
            return cy * grid + cx;
        }

        private float[] features(PlayerState player, long gameLoop) {
            List<Race> opponents = new ArrayList<>();
            for (PlayerState other : players.values()) {
                if (other != player && other.race != null && (other.team != player.team || other.team < 0)) {
                    opponents.add(other.race);
                }
            }
            int[] own = new int[ProductionFeatures.GRID * ProductionFeatures.GRID];
            int[] enemy = new int[own.length];
            for (Unit unit : units.values()) {
                PlayerState owner = players.get(unit.owner);
                if (owner == null) {
                    continue;
                }
                int cell = cell(unit.x, unit.y);
                if (owner == player) {
                    own[cell]++;
                } else if (owner.team != player.team || owner.team < 0) {
                    enemy[cell]++;
                }
            }
            double[] e = player.economy;
            return new ProductionState(player.race, opponents, gameLoop, e[0], e[1], e[2], e[3], e[4], e[5], e[6],
                    player.produced, player.last, player.previous, own, enemy).features();
        }
    }
}

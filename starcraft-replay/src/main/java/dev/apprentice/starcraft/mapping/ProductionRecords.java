package dev.apprentice.starcraft.mapping;

import static dev.apprentice.il.stream.schema.AvroArrays.floats;
import static dev.apprentice.il.stream.schema.AvroArrays.list;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.starcraft.demonstration.PlayerDemonstrations;
import dev.apprentice.starcraft.demonstration.ProductionCatalog;
import dev.apprentice.starcraft.demonstration.ProductionFeatures;
import dev.apprentice.starcraft.demonstration.ProductionStep;
import dev.apprentice.starcraft.demonstration.Race;
import dev.apprentice.starcraft.schema.ProductionDemonstration;
import dev.apprentice.starcraft.schema.RaceSymbol;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the replay production record to the core's {@link ExpertStep} and back. The player's name is the
 * step's source, so a training job can learn one player's style from their replays; the episode is one
 * player's game ({@code <replay id>/p<player>}), so splits by episode never cut a game; replay, build,
 * race and command cell travel as metadata.
 */
public final class ProductionRecords implements DemonstrationRecords<ProductionDemonstration> {

    /** Metadata key of the replay id. */
    public static final String REPLAY = "replay";
    /** Metadata key of the player's slot. */
    public static final String PLAYER = "player";
    /** Metadata key of the race. */
    public static final String RACE = "race";
    /** Metadata key of the base build. */
    public static final String BUILD = "build";
    /** Metadata key of whether a person played. */
    public static final String HUMAN = "human";
    /** Metadata key of the game loop. */
    public static final String GAME_LOOP = "gameLoop";
    /** Metadata key of the next command's minimap cell (absent without one). */
    public static final String COMMAND_CELL = "commandCell";

    private final String domain;

    /** @param domain the domain name written on steps */
    public ProductionRecords(String domain) {
        this.domain = domain;
    }

    /** The episode id of a player's game: {@code <replay id>/p<player>}. */
    public static String episode(String replayId, int player) {
        return replayId + "/p" + player;
    }

    /**
     * The steps of one player's game, ready to publish.
     *
     * @param replayId  the replay's id
     * @param build     the replay's base build
     * @param startedAt when the game started (event times are this plus each production's game time)
     */
    public List<ExpertStep> steps(String replayId, int build, Instant startedAt, PlayerDemonstrations player) {
        List<ExpertStep> out = new ArrayList<>(player.steps().size());
        String source = player.playerName().isBlank() ? "player " + player.playerId() : player.playerName();
        for (int i = 0; i < player.steps().size(); i++) {
            ProductionStep step = player.steps().get(i);
            boolean last = i == player.steps().size() - 1;
            Map<String, String> metadata = new HashMap<>();
            metadata.put(REPLAY, replayId);
            metadata.put(PLAYER, Integer.toString(player.playerId()));
            metadata.put(RACE, player.race().name());
            metadata.put(BUILD, Integer.toString(build));
            metadata.put(HUMAN, Boolean.toString(player.human()));
            metadata.put(GAME_LOOP, Long.toString(step.gameLoop()));
            if (step.commandCell() >= 0) {
                metadata.put(COMMAND_CELL, Integer.toString(step.commandCell()));
            }
            out.add(new ExpertStep(domain, source, episode(replayId, player.playerId()), i, timeOf(startedAt,
                    step.gameLoop()), step.state(), new float[] {step.production()}, true, last, false,
                    last ? player.finalState() : null, metadata));
        }
        return out;
    }

    /** The event time of a game loop in a game that started at {@code startedAt}, in whole milliseconds as the record keeps it. */
    public static Instant timeOf(Instant startedAt, long gameLoop) {
        return startedAt.truncatedTo(ChronoUnit.MILLIS)
                .plus(Duration.ofMillis(Math.round(gameLoop * 1000 / ProductionFeatures.LOOPS_PER_SECOND)));
    }

    @Override
    public Class<ProductionDemonstration> recordClass() {
        return ProductionDemonstration.class;
    }

    /** @throws IllegalArgumentException naming the field when the record cannot be a step */
    @Override
    public ExpertStep toStep(ProductionDemonstration r) {
        int production = ProductionCatalog.indexOf(r.getProduction());
        if (production < 0) {
            throw new IllegalArgumentException("production: expected one of the catalogue's " + ProductionCatalog.size()
                    + " unit and structure names, found '" + r.getProduction() + "'");
        }
        if (r.getRace() == null) {
            throw new IllegalArgumentException("race: expected TERRAN, PROTOSS or ZERG, found null");
        }
        Race race = Race.valueOf(r.getRace().name());
        float[] state = floats(r.getState(), "state");
        if (state.length != ProductionFeatures.width()) {
            throw new IllegalArgumentException("state: expected " + ProductionFeatures.width() + " floats, found "
                    + state.length);
        }
        if (ProductionFeatures.race(state) != race) {
            throw new IllegalArgumentException("state: its race one-hot says " + ProductionFeatures.race(state)
                    + ", the record says " + race);
        }
        if (r.getFinalState() != null && !r.getTerminal()) {
            throw new IllegalArgumentException("final_state: only the terminal record of a game carries one (step "
                    + r.getStep() + " is not terminal)");
        }
        if (r.getGameLoop() < 0) {
            throw new IllegalArgumentException("game_loop: expected a loop >= 0, found " + r.getGameLoop());
        }
        if (r.getPlayer() < 1 || r.getPlayer() > 16) {
            throw new IllegalArgumentException("player: expected a player id in [1, 16], found " + r.getPlayer());
        }
        Integer cell = r.getCommandCell();
        if (cell != null && (cell < 0 || cell >= ProductionFeatures.GRID * ProductionFeatures.GRID)) {
            throw new IllegalArgumentException("command_cell: expected a cell in [0, "
                    + ProductionFeatures.GRID * ProductionFeatures.GRID + "), found " + cell);
        }
        Map<String, String> metadata = new HashMap<>();
        metadata.put(REPLAY, r.getReplayId());
        metadata.put(PLAYER, Integer.toString(r.getPlayer()));
        metadata.put(RACE, race.name());
        metadata.put(BUILD, Integer.toString(r.getBuild()));
        metadata.put(HUMAN, Boolean.toString(r.getHuman()));
        metadata.put(GAME_LOOP, Long.toString(r.getGameLoop()));
        if (cell != null) {
            metadata.put(COMMAND_CELL, Integer.toString(cell));
        }
        return new ExpertStep(domain, r.getPlayerName(), episode(r.getReplayId(), r.getPlayer()), r.getStep(),
                r.getEventTime(), state, new float[] {production}, true, r.getTerminal(), false,
                r.getFinalState() == null ? null : floats(r.getFinalState(), "final_state"), metadata);
    }

    @Override
    public ProductionDemonstration fromStep(ExpertStep step) {
        Map<String, String> m = step.metadata();
        String cell = m.get(COMMAND_CELL);
        return ProductionDemonstration.newBuilder()
                .setReplayId(required(m, REPLAY))
                .setPlayer(Integer.parseInt(required(m, PLAYER)))
                .setPlayerName(step.source())
                .setHuman(Boolean.parseBoolean(m.getOrDefault(HUMAN, "true")))
                .setRace(RaceSymbol.valueOf(required(m, RACE)))
                .setBuild(Integer.parseInt(required(m, BUILD)))
                .setStep(step.step())
                .setGameLoop(Long.parseLong(required(m, GAME_LOOP)))
                .setEventTime(step.eventTime())
                .setState(list(step.state()))
                .setProduction(ProductionCatalog.name((int) step.action()[0]))
                .setCommandCell(cell == null ? null : Integer.parseInt(cell))
                .setTerminal(step.terminal())
                .setFinalState(step.finalState() == null ? null : list(step.finalState()))
                .build();
    }

    @Override
    public String episodeKey(ProductionDemonstration record) {
        return DemonstrationPublisher.episodeKey(record.getPlayerName(), episode(record.getReplayId(), record.getPlayer()));
    }

    private static String required(Map<String, String> metadata, String key) {
        String v = metadata.get(key);
        if (v == null) {
            throw new IllegalArgumentException("metadata: expected '" + key + "'");
        }
        return v;
    }
}

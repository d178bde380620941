package dev.apprentice.starcraft.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The typed answers of the replay endpoints, so that OpenAPI describes them. */
public final class ReplayAnswers {

    private ReplayAnswers() {
    }

    /**
     * What a replay holds.
     *
     * @param replayId   the first 16 hex digits of the file's SHA-256
     * @param version    the game version, e.g. {@code 4.7.1.70154}
     * @param baseBuild  the protocol build the events were decoded with
     * @param map        the map's title
     * @param playedAt   when the game started (absent when the replay does not say)
     * @param gameLoops  the game's length in game loops
     * @param seconds    the game's length in real seconds at faster speed
     * @param players    the players, in slot order
     * @param streams    what decoding each event stream found
     */
    public record Summary(String replayId, String version, int baseBuild, String map, Instant playedAt, long gameLoops,
            double seconds, List<PlayerView> players, List<StreamView> streams) {
    }

    /**
     * A player of the replay.
     *
     * @param name   the name as stored
     * @param race   the race as the details name it
     * @param result 1 victory, 2 defeat, 3 tie, 0 unknown
     * @param team   the team id
     * @param human  whether a person played (control 2)
     */
    public record PlayerView(String name, String race, int result, int team, boolean human) {
    }

    /**
     * One event stream.
     *
     * @param stream   {@code game}, {@code message} or {@code tracker}
     * @param status   {@code complete}, {@code absent} or {@code partial}
     * @param events   events decoded
     * @param byType   events per type name
     * @param problem  why decoding stopped early (partial streams only)
     */
    public record StreamView(String stream, String status, long events, Map<String, Long> byType, String problem) {
    }

    /**
     * An uploaded replay.
     *
     * @param summary                 what it holds
     * @param games                   players whose productions became demonstrations (one episode each)
     * @param demonstrationsPublished records published to {@code starcraft.demonstrations}
     * @param heldOut                 whether its id falls in the held-out share: stored, never trained on
     * @param note                    why nothing was published, or how the replay is used
     */
    public record Upload(Summary summary, int games, long demonstrationsPublished, boolean heldOut, String note) {
    }

    /**
     * A replay's productions beside the served policy's predictions.
     *
     * @param replayId      the replay's id
     * @param model         the model that predicted
     * @param policyVersion its registry version
     * @param heldOut       whether the replay is held out (so never trained on)
     * @param players       one timeline per player with productions
     */
    public record Timeline(String replayId, String model, int policyVersion, boolean heldOut,
            List<PlayerTimeline> players) {
    }

    /**
     * One player's productions.
     *
     * @param player  the player's id in the replay
     * @param name    the name as stored
     * @param race    the race
     * @param human   whether a person played
     * @param top1    share of productions the policy ranked first
     * @param top5    share it ranked among its first five
     * @param steps   each production with the prediction made before it
     */
    public record PlayerTimeline(int player, String name, String race, boolean human, double top1, double top5,
            List<TimelineStep> steps) {
    }

    /**
     * One production and what the policy predicted just before it.
     *
     * @param gameLoop   when it started
     * @param seconds    the same in real seconds at faster speed
     * @param production what the player produced
     * @param rank       the production's rank among the race's productions under the policy (0 = predicted)
     * @param predicted  the policy's five most likely productions, most likely first
     */
    public record TimelineStep(long gameLoop, double seconds, String production, int rank,
            List<Prediction> predicted) {
    }

    /**
     * One predicted production.
     *
     * @param production the unit or structure
     * @param probability the policy's probability for it
     */
    public record Prediction(String production, double probability) {
    }

    /**
     * A production of the catalogue.
     *
     * @param name its tracker name, e.g. {@code Barracks}
     * @param race the race that produces it
     */
    public record Production(String name, String race) {
    }
}

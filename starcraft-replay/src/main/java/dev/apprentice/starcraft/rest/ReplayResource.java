package dev.apprentice.starcraft.rest;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.service.error.InvalidRequestException;
import dev.apprentice.service.error.UnavailableException;
import dev.apprentice.service.hosting.DomainRegistry;
import dev.apprentice.service.hosting.DomainServices;
import dev.apprentice.service.http.BodyKind;
import dev.apprentice.service.http.BodyLimit;
import dev.apprentice.service.rest.DecisionAccess;
import dev.apprentice.service.security.Roles;
import dev.apprentice.service.serving.ServedPolicy;
import dev.apprentice.starcraft.StarcraftDomain;
import dev.apprentice.starcraft.demonstration.PlayerDemonstrations;
import dev.apprentice.starcraft.demonstration.ProductionCatalog;
import dev.apprentice.starcraft.demonstration.ProductionFeatures;
import dev.apprentice.starcraft.demonstration.ProductionStep;
import dev.apprentice.starcraft.demonstration.ReplayReader.DecodedReplay;
import dev.apprentice.starcraft.mapping.ProductionRecords;
import dev.apprentice.starcraft.replay.Player;
import dev.apprentice.starcraft.replay.ReplayException;
import dev.apprentice.starcraft.replay.StreamSummary;
import dev.apprentice.starcraft.rest.ReplayAnswers.PlayerTimeline;
import dev.apprentice.starcraft.rest.ReplayAnswers.Prediction;
import dev.apprentice.starcraft.rest.ReplayAnswers.TimelineStep;
import dev.apprentice.starcraft.training.ProductionEvaluation;
import dev.apprentice.starcraft.training.ProductionPredictor;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The replay endpoints: upload a replay (its games become demonstrations on {@code starcraft.demonstrations}),
 * a replay's production timeline beside the served policy's predictions, and the production catalogue.
 */
@Path("/")
@Tag(name = "starcraft")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    /** Control value of a person in a replay's details. */
    private static final int HUMAN_CONTROL = 2;

    private final StarcraftDomain domain;
    private final DomainRegistry registry;
    private final DecisionAccess access;
    private final SecurityIdentity identity;

    public ReplayResource(StarcraftDomain domain, DomainRegistry registry, DecisionAccess access,
            SecurityIdentity identity) {
        this.domain = domain;
        this.registry = registry;
        this.access = access;
        this.identity = identity;
    }

    @POST
    @Path("starcraft/replays")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @BodyLimit(BodyKind.FILE)
    @Operation(summary = "Upload a replay: its summary, and its games published as demonstrations", description = "Body:"
            + " the .SC2Replay file (application/octet-stream, at most apprentice.http.body-limit.file). Every player's"
            + " productions are published to starcraft.demonstrations (one episode per player and replay; uploading"
            + " the same file again stores nothing twice). A replay in the held-out share is stored but never trained"
            + " on. 400 when the file is not a readable replay or its build has no protocol table (the message names"
            + " the build and the nearest supported ones); 503 without protocol tables.")
    public ReplayAnswers.Upload upload(byte[] body) {
        DecodedReplay replay = read(body);
        boolean heldOut = domain.heldOutReplays().heldOutReplay(replay.id());
        ReplayAnswers.Summary summary = summary(replay);
        if (replay.players().isEmpty()) {
            return new ReplayAnswers.Upload(summary, 0, 0, heldOut, "no demonstrations: the replay has no complete"
                    + " tracker events (games before 2.0.8, or a table that cannot read them), so productions are unknown");
        }
        ProductionRecords records = domain.productionRecords();
        List<ExpertStep> steps = new ArrayList<>();
        for (PlayerDemonstrations player : replay.players()) {
            steps.addAll(records.steps(replay.id(), summary.baseBuild(), replay.startedAt(), player));
        }
        long published = services().producer().publishRecorded(steps);
        return new ReplayAnswers.Upload(summary, replay.players().size(), published, heldOut, heldOut
                ? "held out for evaluation: stored, never trained on" : "published for training");
    }

    @POST
    @Path("starcraft/replays/timeline")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @BodyLimit(BodyKind.FILE)
    @Operation(summary = "A replay's productions beside the served policy's predictions", description = "Body: the"
            + " .SC2Replay file. Nothing is published. For each player: every production with the policy's five most"
            + " likely productions just before it, and top-1 and top-5 accuracy. 503 when no policy is served.")
    public ReplayAnswers.Timeline timeline(byte[] body) {
        access.check(identity);
        DomainServices services = services();
        ServedPolicy served = services.serving().requireServed(services.serving().defaultModel());
        DecodedReplay replay = read(body);
        ProductionPredictor predictor = ProductionEvaluation.fromPolicy("policy", served.policy());
        List<PlayerTimeline> players = new ArrayList<>();
        for (PlayerDemonstrations player : replay.players()) {
            List<TimelineStep> steps = new ArrayList<>(player.steps().size());
            int previous = -1;
            int top1 = 0;
            int top5 = 0;
            for (ProductionStep step : player.steps()) {
                double[] scores = predictor.scores(step, previous);
                int rank = ProductionEvaluation.rank(scores, step.production(), player.race());
                top1 += rank == 0 ? 1 : 0;
                top5 += rank < 5 ? 1 : 0;
                List<Prediction> predicted = IntStream.range(0, scores.length)
                        .filter(i -> ProductionCatalog.race(i) == player.race()).boxed()
                        .sorted(Comparator.comparingDouble((Integer i) -> -scores[i])).limit(5)
                        .map(i -> new Prediction(ProductionCatalog.name(i), scores[i])).toList();
                steps.add(new TimelineStep(step.gameLoop(), step.gameLoop() / ProductionFeatures.LOOPS_PER_SECOND,
                        ProductionCatalog.name(step.production()), rank, predicted));
                previous = step.production();
            }
            int n = Math.max(1, steps.size());
            players.add(new PlayerTimeline(player.playerId(), player.playerName(), player.race().name().toLowerCase(
                    Locale.ROOT), player.human(), (double) top1 / n, (double) top5 / n, steps));
        }
        return new ReplayAnswers.Timeline(replay.id(), served.model(), served.version(),
                domain.heldOutReplays().heldOutReplay(replay.id()), players);
    }

    @GET
    @Path("starcraft/productions")
    @Operation(summary = "The productions a policy predicts, in action order", description = "Names as tracker events"
            + " give them, with the race that produces each.")
    public List<ReplayAnswers.Production> productions() {
        access.check(identity);
        return IntStream.range(0, ProductionCatalog.size()).mapToObj(i -> new ReplayAnswers.Production(
                ProductionCatalog.name(i), ProductionCatalog.race(i).name().toLowerCase(Locale.ROOT))).toList();
    }

    private DomainServices services() {
        return registry.require(StarcraftDomain.NAME);
    }

    private DecodedReplay read(byte[] body) {
        if (!domain.reader().available()) {
            throw new UnavailableException("no-protocol-tables", "replays cannot be read: no protocol tables are"
                    + " configured (apprentice.starcraft.protocol-directory)");
        }
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("body", "expected a .SC2Replay file, found an empty body");
        }
        try {
            return domain.reader().read(body);
        } catch (ReplayException e) {
            throw new InvalidRequestException("body", "not a usable replay: " + e.getMessage());
        }
    }

    private static ReplayAnswers.Summary summary(DecodedReplay replay) {
        List<ReplayAnswers.PlayerView> players = new ArrayList<>();
        for (Player p : replay.replay().details().players()) {
            players.add(new ReplayAnswers.PlayerView(p.name(), p.race(), p.result(), p.teamId(),
                    p.control() == HUMAN_CONTROL));
        }
        List<ReplayAnswers.StreamView> streams = new ArrayList<>();
        for (StreamSummary s : replay.streams().values()) {
            streams.add(new ReplayAnswers.StreamView(s.stream().name().toLowerCase(Locale.ROOT),
                    s.status().name().toLowerCase(Locale.ROOT), s.count(), s.byType(), s.problem()));
        }
        long loops = replay.replay().header().elapsedGameLoops();
        return new ReplayAnswers.Summary(replay.id(), replay.replay().header().version(),
                replay.replay().header().baseBuild(), replay.replay().details().mapTitle(),
                replay.replay().details().playedAt(), loops, loops / ProductionFeatures.LOOPS_PER_SECOND, players, streams);
    }
}

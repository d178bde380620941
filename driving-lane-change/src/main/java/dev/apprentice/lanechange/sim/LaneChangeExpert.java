package dev.apprentice.lanechange.sim;

import dev.apprentice.il.policy.Actor;
import java.util.random.RandomGenerator;

/**
 * A scripted expert driver: IDM for the choice of target speed and MOBIL for lane changes,
 * mapped to the five meta-actions and computed from the kinematics observation alone, as a human
 * decides from what they see. Because it sees exactly what a learned policy sees, a perfect
 * imitator can match it; its style sets the desired speed, headway, politeness, threshold, safe
 * braking and keep-right bias.
 *
 * <p>Each decision, in order of priority:
 * <ol>
 *   <li>brake ({@code SLOWER}) when the gap ahead is below half the style's desired gap at the current
 *       speed;</li>
 *   <li>when settled in a lane, change lanes when MOBIL finds a safe, worthwhile adjacent lane
 *       (vehicles the observation does not show are taken to be absent);</li>
 *   <li>otherwise aim for the highest target speed, up to the style's desired speed, whose IDM
 *       desired gap s*(u, v_leader) fits the current gap: {@code FASTER} or {@code SLOWER} one
 *       step towards it, {@code IDLE} when there.</li>
 * </ol>
 * Deterministic and thread-safe.
 */
public final class LaneChangeExpert implements Actor {

    /** The ego counts as changing lanes while farther than this from a lane centre, m. */
    static final double SETTLED_OFFSET = 1.0;
    /** Other vehicles farther than this from their nearest lane centre occupy the next lane too, m. */
    static final double STRADDLE_OFFSET = 0.5;

    private final HighwayConfig config;
    private final DriverStyle style;
    private final double[] targetSpeeds;
    private final double desiredSpeed;

    /** An expert of this style on the reference highway. */
    public LaneChangeExpert(DriverStyle style) {
        this(HighwayConfig.defaults(), style);
    }

    /** An expert of this style on a highway with these settings. */
    public LaneChangeExpert(HighwayConfig config, DriverStyle style) {
        this.config = config;
        this.style = style;
        this.targetSpeeds = config.targetSpeeds();
        this.desiredSpeed = style.idm().desiredSpeed();
    }

    /** The driver style. */
    public DriverStyle style() {
        return style;
    }

    @Override
    public float[] act(float[] observation, RandomGenerator rng) {
        return decide(observation).vector();
    }

    /** The expert's decision for an observation. */
    public MetaAction decide(float[] observation) {
        KinematicsObservation.Scene scene = KinematicsObservation.decode(config, observation);
        double y = scene.egoY();
        double v = scene.egoSpeed();
        int laneNow = config.nearestLane(y);
        double offset = y - config.laneCenter(laneNow);
        boolean settled = Math.abs(offset) <= SETTLED_OFFSET;
        // While changing lanes the ego still overlaps the lane it is leaving.
        int otherLane = settled ? laneNow : laneNow + (offset > 0 ? 1 : -1);
        Neighbours here = neighbours(scene, laneNow, otherLane);

        IdmModel idm = style.idm();
        double gap = here.leaderGap();
        if (here.leader != null && gap < 0.5 * idm.desiredGap(v, here.leader.speed())) {
            return MetaAction.SLOWER;
        }
        if (settled) {
            MetaAction change = laneChange(scene, laneNow, here);
            if (change != null) {
                return change;
            }
        }
        int current = config.nearestTargetSpeedIndex(v);
        int wanted = 0;
        for (int k = targetSpeeds.length - 1; k >= 0; k--) {
            double u = targetSpeeds[k];
            if (u <= desiredSpeed + 1e-9 && (here.leader == null || idm.desiredGap(u, here.leader.speed()) <= gap)) {
                wanted = k;
                break;
            }
        }
        if (wanted > current) {
            return MetaAction.FASTER;
        }
        return wanted < current ? MetaAction.SLOWER : MetaAction.IDLE;
    }

    private MetaAction laneChange(KinematicsObservation.Scene scene, int laneNow, Neighbours here) {
        IdmModel idm = style.idm();
        double v = scene.egoSpeed();
        double self = accelerationBehind(idm, v, 0, here.leader);
        double oldFollower = here.follower == null ? 0
                : accelerationBehind(trafficModel(here.follower), here.follower.speed(), here.follower.dx(), egoAt(v));
        double oldFollowerAfter = here.follower == null ? 0
                : accelerationBehind(trafficModel(here.follower), here.follower.speed(), here.follower.dx(), here.leader);
        double best = Double.NaN;
        MetaAction choice = null;
        for (int direction = -1; direction <= 1; direction += 2) {
            int candidate = laneNow + direction;
            if (candidate < 0 || candidate >= config.lanes()) {
                continue;
            }
            Neighbours there = neighbours(scene, candidate, candidate);
            if (there.blocked) {
                continue;
            }
            double selfAfter = accelerationBehind(idm, v, 0, there.leader);
            double newFollower = 0;
            double newFollowerAfter = 0;
            if (there.follower != null) {
                IdmModel follower = trafficModel(there.follower);
                newFollower = accelerationBehind(follower, there.follower.speed(), there.follower.dx(), there.leader);
                newFollowerAfter = accelerationBehind(follower, there.follower.speed(), there.follower.dx(), egoAt(v));
            }
            double incentive = style.mobil().assess(self, selfAfter, newFollower, newFollowerAfter, oldFollower,
                    oldFollowerAfter, direction > 0);
            if (!Double.isNaN(incentive) && (Double.isNaN(best) || incentive > best)) {
                best = incentive;
                choice = direction < 0 ? MetaAction.LANE_LEFT : MetaAction.LANE_RIGHT;
            }
        }
        return choice;
    }

    /** How the expert expects another driver to react: highway traffic's IDM at that driver's speed. */
    private static IdmModel trafficModel(KinematicsObservation.Observed vehicle) {
        return IdmModel.highwayTraffic(Math.max(vehicle.speed(), 1.0), 4.0);
    }

    private static KinematicsObservation.Observed egoAt(double speed) {
        return new KinematicsObservation.Observed(0, 0, speed, 0);
    }

    /** IDM acceleration of a driver at {@code fromDx} behind {@code leader} (free road when null). */
    private static double accelerationBehind(IdmModel model, double speed, double fromDx,
            KinematicsObservation.Observed leader) {
        if (leader == null) {
            return model.freeRoadAcceleration(speed);
        }
        return model.acceleration(speed, leader.dx() - fromDx - HighwaySimulator.VEHICLE_LENGTH, leader.speed());
    }

    /** The nearest observed vehicles ahead and behind in the given lanes, and whether one is alongside. */
    private Neighbours neighbours(KinematicsObservation.Scene scene, int laneA, int laneB) {
        Neighbours result = new Neighbours();
        for (KinematicsObservation.Observed o : scene.others()) {
            if (!config.occupies(o.y(), laneA, STRADDLE_OFFSET) && !config.occupies(o.y(), laneB, STRADDLE_OFFSET)) {
                continue;
            }
            if (Math.abs(o.dx()) < HighwaySimulator.VEHICLE_LENGTH + 1) {
                result.blocked = true;
            }
            if (o.dx() > 0 && (result.leader == null || o.dx() < result.leader.dx())) {
                result.leader = o;
            } else if (o.dx() <= 0 && (result.follower == null || o.dx() > result.follower.dx())) {
                result.follower = o;
            }
        }
        return result;
    }

    private static final class Neighbours {
        KinematicsObservation.Observed leader;
        KinematicsObservation.Observed follower;
        boolean blocked;

        double leaderGap() {
            return leader == null ? Double.POSITIVE_INFINITY : leader.dx() - HighwaySimulator.VEHICLE_LENGTH;
        }
    }

    @Override
    public String toString() {
        return "LaneChangeExpert[" + style.name() + "]";
    }
}

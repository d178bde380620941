package dev.apprentice.lanechange.sim;

import dev.apprentice.il.env.Environment;
import dev.apprentice.il.env.StepResult;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Discrete;
import java.util.SplittableRandom;

/**
 * A straight multi-lane highway with IDM + MOBIL traffic and one ego vehicle that a policy drives
 * with {@link MetaAction}s: the environment every lane-change policy is trained and evaluated in.
 *
 * <p>Physics follows highway-env's {@code highway-v0} (facts cited in the domain notes, code
 * written here): every vehicle is a kinematic bicycle (5 m × 2 m) whose lateral controller steers
 * it to its target lane (time constants 0.6 s lateral, 0.2 s heading, steering clipped to ±60°);
 * traffic accelerates by IDM (clipped to ±6 m/s²) and changes lanes by MOBIL at most once a
 * second; the ego's speed controller tracks the target speed, a = (v_target − v) / 0.6 s. An
 * episode ends when the ego collides (oriented-rectangle overlap) or leaves the road and is
 * truncated after {@link HighwayConfig#episodeDecisions()} decisions. Only the ego's collisions are
 * detected; traffic vehicles do not collide with each other.
 *
 * <p>The reward (evaluation only) is highway-env's: lmap(−1·crashed + 0.1·lane/(L−1) +
 * 0.4·clip((v·cos ψ − 20)/10, 0, 1), [−1, 0.5] → [0, 1]) × on_road, where lane is the ego's target
 * lane (0 = leftmost) and 20..30 m/s are the lowest and highest target speeds.
 *
 * <p>Not thread-safe: one instance per thread. A decision step takes a few tens of microseconds
 * (see the service README's benchmark).
 */
public final class HighwaySimulator implements Environment {

    /** Vehicle length, m. */
    public static final double VEHICLE_LENGTH = 5.0;
    /** Vehicle width, m. */
    public static final double VEHICLE_WIDTH = 2.0;
    /** Traffic accelerations are clipped to ±this, m/s². */
    public static final double MAX_TRAFFIC_ACCELERATION = 6.0;
    /** No vehicle drives faster, m/s. */
    public static final double MAX_SPEED = 40.0;
    /** The ego's speed controller time constant, s. */
    public static final double TAU_SPEED = 0.6;
    /** Lateral position controller time constant, s. */
    public static final double TAU_LATERAL = 0.6;
    /** Heading controller time constant, s. */
    public static final double TAU_HEADING = 0.2;
    /** Time headway below which the ego counts as tailgating, s. */
    public static final double HEADWAY_LIMIT = 1.0;
    /**
     * The ego counts as following a leader in its lane closer than this (net gap, m): the range
     * beyond which {@link LaneFeatures} treats the road as free, so the mean headway measures car
     * following, not empty road.
     */
    public static final double FOLLOWING_RANGE = LaneFeatures.GAP_RANGE;

    private static final int EGO = 0;
    private static final double MAX_HEADING_OFFSET = Math.PI / 4;
    /** Slip angle at the steering limit of ±60°: atan(½·tan 60°). */
    private static final double MAX_SLIP = Math.atan(0.5 * Math.tan(Math.PI / 3));
    private static final double HALF_LENGTH = VEHICLE_LENGTH / 2;
    private static final double HALF_WIDTH = VEHICLE_WIDTH / 2;
    private static final double COLLISION_RADIUS_SQ = VEHICLE_LENGTH * VEHICLE_LENGTH + VEHICLE_WIDTH * VEHICLE_WIDTH;
    private static final double LANE_CHANGE_INTERVAL = 1.0;

    private final HighwayConfig config;
    private final Box observationSpace;
    private final Discrete actionSpace = new Discrete(MetaAction.values().length);
    private final MobilModel trafficMobil = MobilModel.highwayTraffic();
    private final double dt;
    private final int n;
    private final double[] targetSpeeds;
    private final double[] x;
    private final double[] y;
    private final double[] heading;
    private final double[] speed;
    private final double[] acceleration;
    private final double[] laneTimer;
    private final int[] lane;
    private final int[] targetLane;
    private final int[] order;
    private final int[] rank;
    private final IdmModel[] idm;
    private final int[] nearest;

    private SplittableRandom rng;
    private boolean running;
    private boolean crashed;
    private boolean offRoad;
    private int decisions;
    private int egoSpeedIndex;
    private double time;
    private double distance;
    private int laneChanges;
    private double tailgatingSeconds;
    private double followingSeconds;
    private double headwayIntegral;

    /** A highway with the reference configuration. */
    public HighwaySimulator() {
        this(HighwayConfig.defaults());
    }

    /** A highway with these settings. */
    public HighwaySimulator(HighwayConfig config) {
        this.config = config;
        this.dt = 1.0 / config.simulationHz();
        this.n = config.otherVehicles() + 1;
        this.targetSpeeds = config.targetSpeeds();
        this.observationSpace = Box.uniform(config.observationDimension(), -1f, 1f);
        this.x = new double[n];
        this.y = new double[n];
        this.heading = new double[n];
        this.speed = new double[n];
        this.acceleration = new double[n];
        this.laneTimer = new double[n];
        this.lane = new int[n];
        this.targetLane = new int[n];
        this.order = new int[n];
        this.rank = new int[n];
        this.idm = new IdmModel[n];
        this.nearest = new int[config.observedVehicles() - 1];
    }

    /** The settings this highway was built with. */
    public HighwayConfig config() {
        return config;
    }

    @Override
    public Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Discrete actionSpace() {
        return actionSpace;
    }

    @Override
    public float[] reset(long seed) {
        rng = new SplittableRandom(seed);
        int lanes = config.lanes();
        int egoLane = rng.nextInt(lanes);
        // highway-env places the ego first and each further vehicle ahead of the previous one, at
        // (12 + v)·exp(−5/40·lanes)/density metres, jittered by U(0.9, 1.1).
        double ego0 = 3 * spacing(config.egoInitialSpeed()) * rng.nextDouble(0.9, 1.1);
        place(EGO, ego0, egoLane, config.egoInitialSpeed());
        egoSpeedIndex = config.nearestTargetSpeedIndex(config.egoInitialSpeed());
        idm[EGO] = IdmModel.highwayTraffic(targetSpeeds[egoSpeedIndex], 4.0);
        double front = ego0;
        for (int i = 1; i < n; i++) {
            double v = config.speedLimit() * rng.nextDouble(config.otherSpeedLow(), Math.nextUp(config.otherSpeedHigh()));
            front += spacing(v) * rng.nextDouble(0.9, 1.1);
            place(i, front, rng.nextInt(lanes), v);
            idm[i] = IdmModel.highwayTraffic(v, rng.nextDouble(3.5, 4.5));
            laneTimer[i] = rng.nextDouble(LANE_CHANGE_INTERVAL);
        }
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        running = true;
        crashed = false;
        offRoad = false;
        decisions = 0;
        time = 0;
        distance = 0;
        laneChanges = 0;
        tailgatingSeconds = 0;
        followingSeconds = 0;
        headwayIntegral = 0;
        sortByPosition();
        return observe();
    }

    /**
     * Starts an episode from a given scene instead of a random one (scenario tests, what-if
     * queries): each traffic vehicle keeps its speed as its desired speed (IDM δ = 4) and its
     * nearest lane as its target; the ego's target speed is the reachable one nearest its speed.
     *
     * @param others exactly {@link HighwayConfig#otherVehicles()} vehicles
     * @return the first observation
     */
    public float[] resetScenario(long seed, KinematicsObservation.Vehicle ego, java.util.List<KinematicsObservation.Vehicle> others) {
        if (others.size() != n - 1) {
            throw new IllegalArgumentException("others: expected " + (n - 1) + " vehicles, found " + others.size());
        }
        reset(seed);
        place(EGO, ego.x(), config.nearestLane(ego.y()), ego.vx());
        y[EGO] = ego.y();
        egoSpeedIndex = config.nearestTargetSpeedIndex(ego.vx());
        idm[EGO] = IdmModel.highwayTraffic(targetSpeeds[egoSpeedIndex], 4.0);
        for (int i = 1; i < n; i++) {
            KinematicsObservation.Vehicle v = others.get(i - 1);
            place(i, v.x(), config.nearestLane(v.y()), v.vx());
            y[i] = v.y();
            idm[i] = IdmModel.highwayTraffic(Math.max(v.vx(), 1.0), 4.0);
        }
        sortByPosition();
        return observe();
    }

    private double spacing(double v) {
        return (12 + v) * Math.exp(-5.0 / 40 * config.lanes()) / config.vehicleDensity();
    }

    private void place(int i, double px, int laneIndex, double v) {
        x[i] = px;
        y[i] = config.laneCenter(laneIndex);
        heading[i] = 0;
        speed[i] = v;
        lane[i] = laneIndex;
        targetLane[i] = laneIndex;
    }

    @Override
    public StepResult step(float[] action) {
        return step(action, null);
    }

    /**
     * Applies one decision and runs the physics until the next one, reporting every physics frame.
     *
     * @param listener called after each physics step (for live views); may be null
     */
    public StepResult step(float[] action, FrameListener listener) {
        if (!running) {
            throw new IllegalStateException("step: no episode is running; call reset(seed) first");
        }
        MetaAction meta = MetaAction.ofIndex(actionSpace.index(action, "action"));
        apply(meta);
        for (int s = 0; s < config.stepsPerDecision() && !crashed && !offRoad; s++) {
            physicsStep();
            if (listener != null) {
                listener.frame(this);
            }
        }
        decisions++;
        boolean terminated = crashed || offRoad;
        boolean truncated = !terminated && decisions >= config.episodeDecisions();
        running = !terminated && !truncated;
        return new StepResult(observe(), reward(), terminated, truncated);
    }

    private void apply(MetaAction meta) {
        switch (meta) {
            case LANE_LEFT -> changeEgoLane(-1);
            case LANE_RIGHT -> changeEgoLane(1);
            case FASTER -> setEgoSpeedIndex(egoSpeedIndex + 1);
            case SLOWER -> setEgoSpeedIndex(egoSpeedIndex - 1);
            case IDLE -> { }
        }
    }

    private void changeEgoLane(int direction) {
        int next = targetLane[EGO] + direction;
        if (next >= 0 && next < config.lanes()) {
            targetLane[EGO] = next;
            laneChanges++;
        }
    }

    private void setEgoSpeedIndex(int index) {
        int clamped = Math.max(0, Math.min(targetSpeeds.length - 1, index));
        if (clamped != egoSpeedIndex) {
            egoSpeedIndex = clamped;
            idm[EGO] = idm[EGO].withDesiredSpeed(targetSpeeds[clamped]);
        }
    }

    private void physicsStep() {
        for (int i = 1; i < n; i++) {
            laneTimer[i] -= dt;
            if (laneTimer[i] <= 0) {
                laneTimer[i] += LANE_CHANGE_INTERVAL;
                decideLaneChange(i);
            }
        }
        acceleration[EGO] = (targetSpeeds[egoSpeedIndex] - speed[EGO]) / TAU_SPEED;
        for (int i = 1; i < n; i++) {
            acceleration[i] = trafficAcceleration(i);
        }
        for (int i = 0; i < n; i++) {
            integrate(i);
        }
        time += dt;
        distance += speed[EGO] * Math.cos(heading[EGO]) * dt;
        sortByPosition();
        checkEgo();
    }

    private double trafficAcceleration(int i) {
        double a = accelerationBehind(i, leader(i, lane[i]));
        if (targetLane[i] != lane[i]) {
            a = Math.min(a, accelerationBehind(i, leader(i, targetLane[i])));
        }
        return Math.max(-MAX_TRAFFIC_ACCELERATION, Math.min(MAX_TRAFFIC_ACCELERATION, a));
    }

    /** IDM acceleration of vehicle {@code i} behind vehicle {@code j} (free road when j < 0). */
    private double accelerationBehind(int i, int j) {
        if (j < 0) {
            return idm[i].freeRoadAcceleration(speed[i]);
        }
        return idm[i].acceleration(speed[i], x[j] - x[i] - VEHICLE_LENGTH, speed[j]);
    }

    private void decideLaneChange(int i) {
        int current = lane[i];
        if (targetLane[i] != current) {
            return;
        }
        int leaderNow = leader(i, current);
        int followerNow = follower(i, current);
        double self = accelerationBehind(i, leaderNow);
        double oldFollower = followerNow < 0 ? 0 : accelerationBehind(followerNow, i);
        double oldFollowerAfter = followerNow < 0 ? 0 : accelerationBehind(followerNow, leaderNow);
        double best = Double.NaN;
        int bestLane = current;
        for (int candidate = current - 1; candidate <= current + 1; candidate += 2) {
            if (candidate < 0 || candidate >= config.lanes()) {
                continue;
            }
            int newLeader = leader(i, candidate);
            int newFollower = follower(i, candidate);
            if (newLeader >= 0 && x[newLeader] - x[i] < VEHICLE_LENGTH
                    || newFollower >= 0 && x[i] - x[newFollower] < VEHICLE_LENGTH) {
                continue;
            }
            double newF = newFollower < 0 ? 0 : accelerationBehind(newFollower, newLeader);
            double newFAfter = newFollower < 0 ? 0 : accelerationBehind(newFollower, i);
            double incentive = trafficMobil.assess(self, accelerationBehind(i, newLeader), newF, newFAfter,
                    oldFollower, oldFollowerAfter, candidate > current);
            if (!Double.isNaN(incentive) && (Double.isNaN(best) || incentive > best)) {
                best = incentive;
                bestLane = candidate;
            }
        }
        targetLane[i] = bestLane;
    }

    private boolean occupies(int j, int laneIndex) {
        return lane[j] == laneIndex || targetLane[j] == laneIndex;
    }

    /** The nearest vehicle ahead of {@code i} occupying a lane, or −1. */
    private int leader(int i, int laneIndex) {
        for (int k = rank[i] + 1; k < n; k++) {
            int j = order[k];
            if (occupies(j, laneIndex)) {
                return j;
            }
        }
        return -1;
    }

    /** The nearest vehicle behind {@code i} occupying a lane, or −1. */
    private int follower(int i, int laneIndex) {
        for (int k = rank[i] - 1; k >= 0; k--) {
            int j = order[k];
            if (occupies(j, laneIndex)) {
                return j;
            }
        }
        return -1;
    }

    private void integrate(int i) {
        double v = speed[i];
        double lateralError = y[i] - config.laneCenter(targetLane[i]);
        double h = heading[i];
        if (Math.abs(lateralError) < 0.02 && Math.abs(h) < 0.002) {
            // Settled in the lane: snap to the centre line (a sub-2 cm, sub-0.1° correction).
            y[i] -= lateralError;
            heading[i] = 0;
            x[i] += v * dt;
        } else {
            double vs = Math.max(v, 0.1);
            double headingCommand = Math.asin(clip(-lateralError / TAU_LATERAL / vs, 1));
            double headingReference = clip(headingCommand, MAX_HEADING_OFFSET);
            double headingRate = (headingReference - h) / TAU_HEADING;
            double slip = clip(Math.asin(clip(HALF_LENGTH / vs * headingRate, 1)), MAX_SLIP);
            double course = h + slip;
            x[i] += v * Math.cos(course) * dt;
            y[i] += v * Math.sin(course) * dt;
            heading[i] = h + v * Math.sin(slip) / HALF_LENGTH * dt;
        }
        speed[i] = Math.max(0, Math.min(MAX_SPEED, v + acceleration[i] * dt));
    }

    private static double clip(double value, double bound) {
        return Math.max(-bound, Math.min(bound, value));
    }

    /** Insertion sort: the order barely changes between physics steps, so this is close to linear. */
    private void sortByPosition() {
        for (int k = 1; k < n; k++) {
            int v = order[k];
            double key = x[v];
            int m = k - 1;
            while (m >= 0 && (x[order[m]] > key || x[order[m]] == key && order[m] > v)) {
                order[m + 1] = order[m];
                m--;
            }
            order[m + 1] = v;
        }
        for (int k = 0; k < n; k++) {
            rank[order[k]] = k;
            lane[k] = config.nearestLane(y[k]);
        }
    }

    private void checkEgo() {
        double top = config.laneCenter(0) - config.laneWidth() / 2;
        double bottom = config.laneCenter(config.lanes() - 1) + config.laneWidth() / 2;
        offRoad = y[EGO] < top || y[EGO] > bottom;
        for (int k = rank[EGO] - 1; k >= 0 && x[EGO] - x[order[k]] <= VEHICLE_LENGTH + 1; k--) {
            crashed |= overlaps(EGO, order[k]);
        }
        for (int k = rank[EGO] + 1; k < n && x[order[k]] - x[EGO] <= VEHICLE_LENGTH + 1; k++) {
            crashed |= overlaps(EGO, order[k]);
        }
        int ahead = leader(EGO, lane[EGO]);
        if (ahead >= 0 && speed[EGO] > 0) {
            double gap = x[ahead] - x[EGO] - VEHICLE_LENGTH;
            if (gap / speed[EGO] < HEADWAY_LIMIT) {
                tailgatingSeconds += dt;
            }
            if (gap < FOLLOWING_RANGE) {
                followingSeconds += dt;
                headwayIntegral += Math.max(gap, 0) / speed[EGO] * dt;
            }
        }
    }

    /** Separating-axis test of two oriented rectangles. */
    private boolean overlaps(int a, int b) {
        double dx = x[b] - x[a];
        double dy = y[b] - y[a];
        if (dx * dx + dy * dy > COLLISION_RADIUS_SQ) {
            return false;
        }
        double ca = Math.cos(heading[a]);
        double sa = Math.sin(heading[a]);
        double cb = Math.cos(heading[b]);
        double sb = Math.sin(heading[b]);
        return overlapAlong(ca, sa, dx, dy, ca, sa, cb, sb) && overlapAlong(-sa, ca, dx, dy, ca, sa, cb, sb)
                && overlapAlong(cb, sb, dx, dy, ca, sa, cb, sb) && overlapAlong(-sb, cb, dx, dy, ca, sa, cb, sb);
    }

    /** True when the projections of both rectangles on the axis overlap. */
    private static boolean overlapAlong(double ax, double ay, double dx, double dy, double ca, double sa, double cb,
            double sb) {
        double ra = HALF_LENGTH * Math.abs(ca * ax + sa * ay) + HALF_WIDTH * Math.abs(-sa * ax + ca * ay);
        double rb = HALF_LENGTH * Math.abs(cb * ax + sb * ay) + HALF_WIDTH * Math.abs(-sb * ax + cb * ay);
        return Math.abs(dx * ax + dy * ay) < ra + rb;
    }

    private double reward() {
        double low = targetSpeeds[0];
        double high = targetSpeeds[targetSpeeds.length - 1];
        double forward = speed[EGO] * Math.cos(heading[EGO]);
        double speedTerm = high > low ? Math.max(0, Math.min(1, (forward - low) / (high - low))) : 1;
        double raw = (crashed ? -1 : 0) + 0.1 * targetLane[EGO] / (config.lanes() - 1) + 0.4 * speedTerm;
        return offRoad ? 0 : (raw + 1) / 1.5;
    }

    private float[] observe() {
        int rows = config.observedVehicles();
        float[] obs = new float[rows * HighwayConfig.FEATURES];
        double yRange = config.yRange();
        double egoVx = speed[EGO] * Math.cos(heading[EGO]);
        double egoVy = speed[EGO] * Math.sin(heading[EGO]);
        row(obs, 0, x[EGO], y[EGO], egoVx, egoVy, yRange);
        int found = nearestNeighbours();
        for (int r = 0; r < found; r++) {
            int j = nearest[r];
            row(obs, r + 1, x[j] - x[EGO], y[j] - y[EGO], speed[j] * Math.cos(heading[j]) - egoVx,
                    speed[j] * Math.sin(heading[j]) - egoVy, yRange);
        }
        return obs;
    }

    /** Fills {@link #nearest} with the vehicles closest to the ego along the road, nearest first. */
    private int nearestNeighbours() {
        int behind = rank[EGO] - 1;
        int ahead = rank[EGO] + 1;
        int found = 0;
        double range = config.perceptionRange();
        while (found < nearest.length) {
            double db = behind >= 0 ? x[EGO] - x[order[behind]] : Double.POSITIVE_INFINITY;
            double da = ahead < n ? x[order[ahead]] - x[EGO] : Double.POSITIVE_INFINITY;
            if (Math.min(db, da) > range) {
                break;
            }
            if (da <= db) {
                nearest[found++] = order[ahead++];
            } else {
                nearest[found++] = order[behind--];
            }
        }
        return found;
    }

    private static void row(float[] obs, int r, double px, double py, double vx, double vy, double yRange) {
        int o = r * HighwayConfig.FEATURES;
        obs[o] = 1f;
        obs[o + 1] = scale(px, HighwayConfig.X_RANGE);
        obs[o + 2] = scale(py, yRange);
        obs[o + 3] = scale(vx, HighwayConfig.SPEED_RANGE);
        obs[o + 4] = scale(vy, HighwayConfig.SPEED_RANGE);
    }

    private static float scale(double value, double range) {
        return (float) Math.max(-1, Math.min(1, value / range));
    }

    /** Whether an episode is under way. */
    public boolean isRunning() {
        return running;
    }

    /** The ego's current target lane (0 = leftmost). */
    public int egoTargetLane() {
        return targetLane[EGO];
    }

    /** The ego's current target speed, m/s. */
    public double egoTargetSpeed() {
        return targetSpeeds[egoSpeedIndex];
    }

    /** What happened to the ego so far in this episode. */
    public EpisodeTally tally() {
        return new EpisodeTally(decisions, time, distance, laneChanges, tailgatingSeconds, followingSeconds, headwayIntegral,
                crashed, offRoad);
    }

    /**
     * Positions of the vehicles within a window around the ego, for drawing.
     *
     * @param behind metres behind the ego to include
     * @param ahead metres ahead of the ego to include
     */
    public HighwayScene scene(double behind, double ahead) {
        int from = rank[EGO];
        while (from > 0 && x[EGO] - x[order[from - 1]] <= behind) {
            from--;
        }
        int to = rank[EGO];
        while (to < n - 1 && x[order[to + 1]] - x[EGO] <= ahead) {
            to++;
        }
        int count = to - from + 1;
        double[] vx = new double[count];
        double[] vy = new double[count];
        double[] vh = new double[count];
        double[] vs = new double[count];
        int egoRow = 0;
        for (int k = from; k <= to; k++) {
            int j = order[k];
            int r = k - from;
            vx[r] = x[j];
            vy[r] = y[j];
            vh[r] = heading[j];
            vs[r] = speed[j];
            if (j == EGO) {
                egoRow = r;
            }
        }
        return new HighwayScene(time, decisions, config.lanes(), config.laneWidth(), egoRow, vx, vy, vh, vs,
                crashed, targetLane[EGO], targetSpeeds[egoSpeedIndex]);
    }

    /** Receives every physics frame of a decision step. */
    @FunctionalInterface
    public interface FrameListener {
        /** Called after a physics step; the simulator may be read (e.g. {@link #scene}) but not stepped. */
        void frame(HighwaySimulator simulator);
    }
}

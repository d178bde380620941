package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.algorithms.meta.NormlConfig.AdvantageSource;
import dev.apprentice.il.algorithms.meta.TaskRollouts.Episode;
import dev.apprentice.il.env.Environment;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * What NoRML meta-training produces, and how it adapts to a new task without reward: the meta
 * policy θ (the exploration policy), the learned offset, the learned advantage A_ψ(s, a, s′) and
 * the inner step size α. Adapting rolls out π_θ in the new task and takes one policy-gradient step
 * with A_ψ in place of the reward-based advantage (Yang et al. 2019, Algorithm 1):
 * θ′ = θ + offset + α ∇θ (1/N) Σ_t A_ψ(s_t, a_t, s_{t+1}) log π_θ(a_t | s_t). Immutable.
 *
 * <pre>{@code
 * NormlModel model = new NormlTrainer(config).trainModel(ImitationTask.ofTasks(tasks), options).model();
 * Policy adapted = model.adapt(robotWithNewSensor, 7);   // reads no reward
 * }</pre>
 */
public final class NormlModel {

    private static final int MAGIC = 0x4E524D4C;
    private static final int FORMAT = 1;

    private final AdvantageSource advantageSource;
    private final Box observationSpace;
    private final Box actionSpace;
    private final double[] policy;
    private final double[] offset;
    private final int[] advantageHiddenSizes;
    private final double[] advantage;
    private final double innerStepSize;
    private final int rolloutsPerTask;
    private final int maxEpisodeSteps;
    private final double discount;
    private final AdvantageNetwork advantageNetwork;

    NormlModel(AdvantageSource advantageSource, Box observationSpace, Box actionSpace, double[] policy, double[] offset,
            int[] advantageHiddenSizes, double[] advantage, double innerStepSize, int rolloutsPerTask, int maxEpisodeSteps,
            double discount) {
        this.advantageSource = advantageSource;
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.policy = policy.clone();
        this.offset = offset.clone();
        this.advantageHiddenSizes = advantageHiddenSizes.clone();
        this.advantage = advantage.clone();
        this.innerStepSize = innerStepSize;
        this.rolloutsPerTask = rolloutsPerTask;
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.discount = discount;
        this.advantageNetwork = new AdvantageNetwork(advantageInputs(observationSpace, actionSpace), advantageHiddenSizes);
        int policySize = AffineGaussianPolicy.parameterCount(observationSpace.dimension(), actionSpace.dimension());
        if (policy.length != policySize || offset.length != policySize) {
            throw new IllegalArgumentException("NoRML model: expected " + policySize + " policy and offset parameters, found "
                    + policy.length + " and " + offset.length);
        }
        int advantageSize = advantageSource == AdvantageSource.LEARNED ? advantageNetwork.parameterCount() : 0;
        if (advantage.length != advantageSize) {
            throw new IllegalArgumentException("NoRML model: expected " + advantageSize + " advantage parameters, found "
                    + advantage.length);
        }
    }

    static int advantageInputs(Box observationSpace, Box actionSpace) {
        return 2 * observationSpace.dimension() + actionSpace.dimension();
    }

    /** How the inner step was meta-trained: with A_ψ (NoRML) or with rewards (MAML). */
    public AdvantageSource advantageSource() {
        return advantageSource;
    }

    public Box observationSpace() {
        return observationSpace;
    }

    public Box actionSpace() {
        return actionSpace;
    }

    /** α of the inner step. */
    public double innerStepSize() {
        return innerStepSize;
    }

    /** Episodes rolled out in a new task before the inner step. */
    public int rolloutsPerTask() {
        return rolloutsPerTask;
    }

    /** The longest of those episodes. */
    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** γ of the reward-to-go used by {@link #adaptWithRewards}. */
    public double discount() {
        return discount;
    }

    /** A copy of the learned offset (all zeros when it was not learned). */
    public double[] offset() {
        return offset.clone();
    }

    /** The meta policy π_θ: the unadapted policy, which is also the one that explores a new task. */
    public AffineGaussianPolicy metaPolicy() {
        return new AffineGaussianPolicy(observationSpace, actionSpace, policy);
    }

    /**
     * Adapts to a new task without reward: rolls out {@link #rolloutsPerTask()} episodes of the
     * meta policy (reset seeds and action noise from {@code seed}), never reading a reward, and
     * returns π_θ′ with θ′ = θ + offset + α (1/N) Σ_t A_ψ(s_t, a_t, s_{t+1}) ∇θ log π_θ(a_t | s_t).
     *
     * @throws IllegalArgumentException when the task's spaces differ from the model's
     * @throws IllegalStateException when the model was meta-trained with rewards (MAML), which has
     *     no A_ψ; use {@link #adaptWithRewards}
     */
    public AffineGaussianPolicy adapt(Environment newTask, long seed) {
        if (advantageSource != AdvantageSource.LEARNED) {
            throw new IllegalStateException("NoRML model: meta-trained with " + advantageSource
                    + " advantages, it has no learned advantage to adapt without reward; use adaptWithRewards");
        }
        checkSpaces(newTask);
        List<Episode> explored = TaskRollouts.run(newTask, metaPolicy(), seed, rolloutsPerTask, maxEpisodeSteps, false);
        return policyOf(adaptedParameters(explored, learnedAdvantages(explored)));
    }

    /**
     * Adapts as MAML for RL does: the same rollouts and step, with the discounted reward-to-go
     * minus a time-indexed baseline as the advantage (plus the offset when one was learned).
     *
     * @throws IllegalArgumentException when the task's spaces differ from the model's
     */
    public AffineGaussianPolicy adaptWithRewards(Environment newTask, long seed) {
        checkSpaces(newTask);
        List<Episode> explored = TaskRollouts.run(newTask, metaPolicy(), seed, rolloutsPerTask, maxEpisodeSteps, true);
        return policyOf(adaptedParameters(explored, TaskRollouts.rewardAdvantages(explored, discount)));
    }

    AffineGaussianPolicy policyOf(double[] parameters) {
        return new AffineGaussianPolicy(observationSpace, actionSpace, parameters);
    }

    /** θ + offset + α (1/N) Σ_t A_t ∇θ log π_θ(a_t | s_t) for the given per-step advantages. */
    double[] adaptedParameters(List<Episode> explored, double[] advantages) {
        double[] step = TaskRollouts.weightedScore(metaPolicy(), explored, advantages);
        double[] adapted = new double[policy.length];
        for (int i = 0; i < adapted.length; i++) {
            adapted[i] = policy[i] + offset[i] + innerStepSize * step[i];
        }
        return adapted;
    }

    /** A_ψ(s_t, a_t, s_{t+1}) per step, in episode order. */
    double[] learnedAdvantages(List<Episode> episodes) {
        double[] values = new double[TaskRollouts.steps(episodes)];
        int at = 0;
        for (Episode e : episodes) {
            for (int t = 0; t < e.length(); t++) {
                values[at++] = advantageNetwork.value(advantage, advantageInput(e, t));
            }
        }
        return values;
    }

    AdvantageNetwork advantageNetwork() {
        return advantageNetwork;
    }

    /** The input A_ψ sees for step t: the observation, the sampled action, the next observation. */
    static double[] advantageInput(Episode e, int t) {
        float[] s = e.observations()[t];
        float[] a = e.actions()[t];
        float[] next = e.observations()[t + 1];
        double[] x = new double[s.length + a.length + next.length];
        for (int i = 0; i < s.length; i++) {
            x[i] = s[i];
        }
        for (int i = 0; i < a.length; i++) {
            x[s.length + i] = a[i];
        }
        for (int i = 0; i < next.length; i++) {
            x[s.length + a.length + i] = next[i];
        }
        return x;
    }

    private void checkSpaces(Environment task) {
        Box observations = task.observationSpace();
        Space actions = task.actionSpace();
        if (observations.dimension() != observationSpace.dimension() || !(actions instanceof Box box)
                || box.dimension() != actionSpace.dimension()) {
            throw new IllegalArgumentException("new task: expected " + observationSpace.dimension()
                    + "-dimensional observations and " + actionSpace.dimension() + "-dimensional continuous actions, found "
                    + observations + " and " + actions);
        }
    }

    /** Writes the model in a versioned binary format that {@link #load} reads back exactly. */
    public void save(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(advantageSource.name());
        writeBox(out, observationSpace);
        writeBox(out, actionSpace);
        writeDoubles(out, policy);
        writeDoubles(out, offset);
        out.writeInt(advantageHiddenSizes.length);
        for (int width : advantageHiddenSizes) {
            out.writeInt(width);
        }
        writeDoubles(out, advantage);
        out.writeDouble(innerStepSize);
        out.writeInt(rolloutsPerTask);
        out.writeInt(maxEpisodeSteps);
        out.writeDouble(discount);
        out.flush();
    }

    /**
     * Reads a model written by {@link #save}.
     *
     * @throws IllegalArgumentException when the stream holds no NoRML model of a known format
     */
    public static NormlModel load(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IllegalArgumentException("NoRML model: expected magic " + Integer.toHexString(MAGIC) + ", found "
                    + Integer.toHexString(magic));
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IllegalArgumentException("NoRML model: expected format " + FORMAT + ", found " + format);
        }
        AdvantageSource source = AdvantageSource.valueOf(in.readUTF());
        Box observations = readBox(in);
        Box actions = readBox(in);
        double[] policy = readDoubles(in);
        double[] offset = readDoubles(in);
        int[] hidden = new int[in.readInt()];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = in.readInt();
        }
        double[] advantage = readDoubles(in);
        return new NormlModel(source, observations, actions, policy, offset, hidden, advantage, in.readDouble(), in.readInt(),
                in.readInt(), in.readDouble());
    }

    private static void writeBox(DataOutputStream out, Box box) throws IOException {
        out.writeInt(box.dimension());
        for (int i = 0; i < box.dimension(); i++) {
            out.writeFloat(box.low(i));
            out.writeFloat(box.high(i));
        }
    }

    private static Box readBox(DataInputStream in) throws IOException {
        int n = in.readInt();
        float[] low = new float[n];
        float[] high = new float[n];
        for (int i = 0; i < n; i++) {
            low[i] = in.readFloat();
            high[i] = in.readFloat();
        }
        return new Box(low, high);
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    @Override
    public String toString() {
        return "NormlModel[" + advantageSource + ", θ=" + Arrays.toString(policy) + ", offset=" + Arrays.toString(offset)
                + ", α=" + innerStepSize + ", " + advantage.length + " advantage parameters]";
    }
}

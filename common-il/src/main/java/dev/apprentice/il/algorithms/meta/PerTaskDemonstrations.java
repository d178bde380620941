package dev.apprentice.il.algorithms.meta;

import dev.apprentice.il.data.DemonstrationSet;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Demonstrations grouped by task (one set per person, driver or patient): the finite task
 * distribution the services meta-train on. Draws are uniform over tasks, then without
 * replacement within the drawn task, so a support set and its query set never share a sample.
 */
public final class PerTaskDemonstrations implements DemonstrationTasks {

    private final List<String> names;
    private final List<DemonstrationSet> sets;
    private final Box stateSpace;
    private final Space actionSpace;
    private final int smallest;

    private PerTaskDemonstrations(List<String> names, List<DemonstrationSet> sets) {
        this.names = names;
        this.sets = sets;
        this.stateSpace = sets.get(0).stateSpace();
        this.actionSpace = sets.get(0).actionSpace();
        this.smallest = sets.stream().mapToInt(DemonstrationSet::size).min().orElseThrow();
    }

    /**
     * The tasks, ordered by name so that draws do not depend on the map's order.
     *
     * @throws IllegalArgumentException when there are fewer than 2 tasks, a task has fewer than 2
     *     samples, or the tasks' spaces differ
     */
    public static PerTaskDemonstrations of(Map<String, DemonstrationSet> byTask) {
        if (byTask == null || byTask.size() < 2) {
            throw new IllegalArgumentException("meta-learning tasks: expected at least 2 tasks, found "
                    + (byTask == null ? 0 : byTask.size()));
        }
        TreeMap<String, DemonstrationSet> sorted = new TreeMap<>(byTask);
        DemonstrationSet first = sorted.firstEntry().getValue();
        for (Map.Entry<String, DemonstrationSet> e : sorted.entrySet()) {
            DemonstrationSet set = e.getValue();
            if (set.size() < 2) {
                throw new IllegalArgumentException("meta-learning tasks: task '" + e.getKey()
                        + "' has " + set.size() + " sample(s), expected at least 2 (one to adapt on, one to score)");
            }
            if (!set.stateSpace().equals(first.stateSpace()) || !set.actionSpace().equals(first.actionSpace())) {
                throw new IllegalArgumentException("meta-learning tasks: task '" + e.getKey() + "' has states in "
                        + set.stateSpace() + " and actions in " + set.actionSpace() + ", expected "
                        + first.stateSpace() + " and " + first.actionSpace() + " like task '" + sorted.firstKey() + "'");
            }
        }
        return new PerTaskDemonstrations(List.copyOf(sorted.keySet()), List.copyOf(sorted.values()));
    }

    /** The task names, sorted. */
    public List<String> taskNames() {
        return names;
    }

    /** One task's demonstrations. */
    public DemonstrationSet task(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("meta-learning tasks: no task '" + name + "'");
        }
        return sets.get(i);
    }

    @Override
    public Box stateSpace() {
        return stateSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    public float[][] stateMoments() {
        DemonstrationSet all = sets.get(0);
        for (int i = 1; i < sets.size(); i++) {
            all = all.append(sets.get(i));
        }
        return all.stateMoments();
    }

    @Override
    public int smallestTaskSize() {
        return smallest;
    }

    @Override
    public TaskBatch sample(SplittableRandom rng, int supportSize, int querySize) {
        if (supportSize < 1 || querySize < 1 || supportSize + querySize > smallest) {
            throw new IllegalArgumentException("meta-learning tasks: expected 1 or more support and query samples, "
                    + "together at most " + smallest + " (the smallest task), found " + supportSize + " + " + querySize);
        }
        int t = rng.nextInt(sets.size());
        DemonstrationSet set = sets.get(t);
        int n = set.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int drawn = supportSize + querySize;
        for (int i = 0; i < drawn; i++) {
            int j = i + rng.nextInt(n - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return new TaskBatch(names.get(t), shots(set, order, 0, supportSize), shots(set, order, supportSize, querySize));
    }

    private static Shots shots(DemonstrationSet set, int[] order, int from, int count) {
        int sw = set.stateWidth();
        int aw = set.actionWidth();
        float[] states = new float[count * sw];
        float[] actions = new float[count * aw];
        for (int k = 0; k < count; k++) {
            set.copyState(order[from + k], states, k * sw);
            set.copyAction(order[from + k], actions, k * aw);
        }
        return new Shots(states, actions, count);
    }

    /** SHA-256 over the task names and each task's data fingerprint. */
    @Override
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                parts.add(names.get(i) + "=" + sets.get(i).sha256());
            }
            digest.update(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

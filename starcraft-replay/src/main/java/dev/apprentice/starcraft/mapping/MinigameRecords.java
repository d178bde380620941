package dev.apprentice.starcraft.mapping;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.service.domain.DemonstrationRecords;
import dev.apprentice.starcraft.minigame.FeatureLayers;
import dev.apprentice.starcraft.minigame.Minigame;
import dev.apprentice.starcraft.minigame.MinigameAction;
import dev.apprentice.starcraft.minigame.MinigameFunction;
import dev.apprentice.starcraft.schema.MinigameDemonstration;
import dev.apprentice.starcraft.schema.Pysc2Function;
import dev.apprentice.starcraft.schema.SparseLayers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the minigame record (sparse feature layers, pysc2 function and screen arguments) to the core's
 * {@link ExpertStep} (dense observation, 16-float action vector) and back. A record of another map than
 * the topic's minigame is refused, so one topic never mixes games.
 */
public final class MinigameRecords implements DemonstrationRecords<MinigameDemonstration> {

    /** Metadata key of the simulator seed. */
    public static final String SEED = "seed";
    /** Width of the optional intents: every pointing function's coordinates. */
    static final int INTENTS = MinigameAction.WIDTH - MinigameAction.FUNCTION_COUNT;

    private final Minigame minigame;
    private final String domain;

    /**
     * @param minigame the topic's minigame
     * @param domain   the domain name written on steps
     */
    public MinigameRecords(Minigame minigame, String domain) {
        this.minigame = minigame;
        this.domain = domain;
    }

    @Override
    public Class<MinigameDemonstration> recordClass() {
        return MinigameDemonstration.class;
    }

    /** @throws IllegalArgumentException naming the field when the record cannot be a step of this minigame */
    @Override
    public ExpertStep toStep(MinigameDemonstration record) {
        if (!minigame.pysc2MapName().equals(record.getMap())) {
            throw new IllegalArgumentException("map: expected " + minigame.pysc2MapName() + " on this topic, found '"
                    + record.getMap() + "'");
        }
        if (record.getFinalObservation() != null && !record.getTerminal()) {
            throw new IllegalArgumentException("final_observation: only the terminal record of an episode carries one"
                    + " (step " + record.getStep() + " is not terminal)");
        }
        Map<String, String> metadata = new HashMap<>();
        if (record.getSeed() != null) {
            metadata.put(SEED, Long.toString(record.getSeed()));
        }
        return new ExpertStep(domain, record.getPlayerId(), record.getEpisode(), record.getStep(), record.getEventTime(),
                dense(record.getObservation(), "observation"), action(record), false, record.getTerminal(),
                record.getTimeLimited(), record.getFinalObservation() == null ? null
                        : dense(record.getFinalObservation(), "final_observation"), metadata);
    }

    @Override
    public MinigameDemonstration fromStep(ExpertStep step) {
        float[] vector = step.action();
        MinigameAction action = MinigameAction.fromVector(vector);
        int width = action.function().arguments().width();
        List<Float> intents = new ArrayList<>(INTENTS);
        for (int i = MinigameAction.FUNCTION_COUNT; i < vector.length; i++) {
            intents.add(vector[i]);
        }
        String seed = step.metadata().get(SEED);
        return MinigameDemonstration.newBuilder()
                .setPlayerId(step.source())
                .setMap(minigame.pysc2MapName())
                .setEpisode(step.episode())
                .setStep(step.step())
                .setEventTime(step.eventTime())
                .setObservation(sparse(step.state()))
                .setFunction(Pysc2Function.valueOf(action.function().pysc2Name()))
                .setScreen(width >= 2 ? List.of(action.x(), action.y()) : null)
                .setScreen2(width == 4 ? List.of(action.x2(), action.y2()) : null)
                .setIntents(intents)
                .setTerminal(step.terminal())
                .setTimeLimited(step.timeLimited())
                .setFinalObservation(step.finalState() == null ? null : sparse(step.finalState()))
                .setSeed(seed == null ? null : Long.parseLong(seed))
                .build();
    }

    @Override
    public String episodeKey(MinigameDemonstration record) {
        return DemonstrationPublisher.episodeKey(record.getPlayerId(), record.getEpisode());
    }

    /** The action vector of a record: its function and arguments, and its intents when it has them. */
    static float[] action(MinigameDemonstration record) {
        if (record.getFunction() == null) {
            throw new IllegalArgumentException("function: expected a pysc2 function, found null");
        }
        MinigameFunction function = MinigameFunction.byPysc2Name(record.getFunction().name());
        int width = function.arguments().width();
        float[] screen = point(record.getScreen(), "screen", width >= 2, function);
        float[] screen2 = point(record.getScreen2(), "screen2", width == 4, function);
        MinigameAction action;
        try {
            action = new MinigameAction(function, screen[0], screen[1], screen2[0], screen2[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("screen: " + e.getMessage(), e);
        }
        if (record.getIntents() == null) {
            return action.toVector();
        }
        List<Float> intents = record.getIntents();
        if (intents.size() != INTENTS) {
            throw new IllegalArgumentException("intents: expected " + INTENTS + " values, found " + intents.size());
        }
        float[] vector = action.toVector();
        for (int i = 0; i < INTENTS; i++) {
            Float v = intents.get(i);
            if (v == null || !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("intents[" + i + "]: expected a value in [0, 1], found " + v);
            }
            vector[MinigameAction.FUNCTION_COUNT + i] = v;
        }
        int offset = function.argumentOffset();
        for (int i = 0; i < width; i++) {
            float own = i < 2 ? screen[i] : screen2[i - 2];
            if (vector[offset + i] != own) {
                throw new IllegalArgumentException("intents[" + (offset + i - MinigameAction.FUNCTION_COUNT)
                        + "]: expected the called function's own argument " + own + ", found " + vector[offset + i]);
            }
        }
        return vector;
    }

    private static float[] point(List<Float> values, String field, boolean needed, MinigameFunction function) {
        if (!needed) {
            if (values != null) {
                throw new IllegalArgumentException(field + ": " + function.pysc2Name() + " takes no " + field
                        + " argument, found one");
            }
            return new float[2];
        }
        if (values == null || values.size() != 2) {
            throw new IllegalArgumentException(field + ": " + function.pysc2Name() + " needs (x, y), found "
                    + (values == null ? "none" : values.size() + " values"));
        }
        float[] p = new float[2];
        for (int i = 0; i < 2; i++) {
            Float v = values.get(i);
            if (v == null) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected a number in [0, 1], found null");
            }
            p[i] = v;
        }
        return p;
    }

    /** The dense observation of sparse layers, checked entry by entry. */
    static float[] dense(SparseLayers layers, String field) {
        if (layers == null || layers.getIndices() == null || layers.getValues() == null) {
            throw new IllegalArgumentException(field + ": expected indices and values, found null");
        }
        List<Integer> indices = layers.getIndices();
        List<Float> values = layers.getValues();
        if (indices.size() != values.size()) {
            throw new IllegalArgumentException(field + ".values: expected one per index (" + indices.size() + "), found "
                    + values.size());
        }
        float[] dense = new float[FeatureLayers.LENGTH];
        int previous = -1;
        for (int i = 0; i < indices.size(); i++) {
            Integer index = indices.get(i);
            if (index == null || index <= previous || index >= FeatureLayers.LENGTH) {
                throw new IllegalArgumentException(field + ".indices[" + i + "]: expected an index in (" + previous + ", "
                        + FeatureLayers.LENGTH + "), strictly increasing, found " + index);
            }
            Float v = values.get(i);
            if (v == null || !(v > 0 && v <= 1)) {
                throw new IllegalArgumentException(field + ".values[" + i + "]: expected a value in (0, 1], found " + v);
            }
            dense[index] = v;
            previous = index;
        }
        return dense;
    }

    /** The non-zero entries of a dense observation. */
    static SparseLayers sparse(float[] dense) {
        List<Integer> indices = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                indices.add(i);
                values.add(dense[i]);
            }
        }
        return SparseLayers.newBuilder().setIndices(indices).setValues(values).build();
    }
}

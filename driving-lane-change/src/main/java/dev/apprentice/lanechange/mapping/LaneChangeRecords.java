package dev.apprentice.lanechange.mapping;

import static dev.apprentice.il.stream.schema.AvroArrays.floats;
import static dev.apprentice.il.stream.schema.AvroArrays.list;

import dev.apprentice.il.data.ExpertStep;
import dev.apprentice.il.stream.DemonstrationPublisher;
import dev.apprentice.lanechange.LaneChangeDomain;
import dev.apprentice.lanechange.schema.LaneChangeDemonstration;
import dev.apprentice.lanechange.sim.MetaAction;
import dev.apprentice.service.domain.DemonstrationRecords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the typed lane-change record to the core's {@link ExpertStep} and back, so that domain
 * logic never handles generated Avro classes. The driver id becomes the step's source (the dedup
 * key is driver, episode, step); style and simulator seed travel as metadata.
 */
public final class LaneChangeRecords implements DemonstrationRecords<LaneChangeDemonstration> {

    /** Metadata key of the driver style. */
    public static final String STYLE = "style";
    /** Metadata key of the simulator seed. */
    public static final String SEED = "seed";

    @Override
    public Class<LaneChangeDemonstration> recordClass() {
        return LaneChangeDemonstration.class;
    }

    /**
     * The step a record describes; the ingester dead-letters a record this rejects with the message.
     *
     * @throws IllegalArgumentException naming the field when the record cannot be a step
     */
    @Override
    public ExpertStep toStep(LaneChangeDemonstration record) {
        Map<String, String> metadata = new HashMap<>();
        String style = record.getDriverStyle();
        if (style == null || style.isBlank()) {
            throw new IllegalArgumentException("driver_style: expected a style label, found an empty one");
        }
        metadata.put(STYLE, style);
        if (record.getSeed() != null) {
            metadata.put(SEED, Long.toString(record.getSeed()));
        }
        List<Float> finalObservation = record.getFinalObservation();
        if (finalObservation != null && !record.getTerminal()) {
            throw new IllegalArgumentException("final_observation: only the terminal record of an episode carries one"
                    + " (step " + record.getStep() + " is not terminal)");
        }
        return new ExpertStep(LaneChangeDomain.NAME, record.getDriverId(), record.getEpisode(), record.getStep(),
                record.getEventTime(), floats(record.getObservation(), "observation"),
                new float[] {toAction(record.getAction()).index()}, true, record.getTerminal(), record.getTimeLimited(),
                finalObservation == null ? null : floats(finalObservation, "final_observation"), metadata);
    }

    /** The record for a step, e.g. one a simulated expert just took. */
    @Override
    public LaneChangeDemonstration fromStep(ExpertStep step) {
        Map<String, String> metadata = step.metadata();
        String style = metadata.get(STYLE);
        if (style == null) {
            throw new IllegalArgumentException("metadata: expected the driver style under '" + STYLE + "'");
        }
        String seed = metadata.get(SEED);
        float[] finalState = step.finalState();
        return LaneChangeDemonstration.newBuilder()
                .setDriverId(step.source())
                .setDriverStyle(style)
                .setEpisode(step.episode())
                .setStep(step.step())
                .setEventTime(step.eventTime())
                .setObservation(list(step.state()))
                .setAction(toSchema(MetaAction.ofIndex((int) step.action()[0])))
                .setTerminal(step.terminal())
                .setTimeLimited(step.timeLimited())
                .setFinalObservation(finalState == null ? null : list(finalState))
                .setSeed(seed == null ? null : Long.parseLong(seed))
                .build();
    }

    @Override
    public String episodeKey(LaneChangeDemonstration record) {
        return DemonstrationPublisher.episodeKey(record.getDriverId(), record.getEpisode());
    }

    /** The simulator's action for a schema action symbol. */
    public static MetaAction toAction(dev.apprentice.lanechange.schema.MetaAction symbol) {
        if (symbol == null) {
            throw new IllegalArgumentException("action: expected one of the five meta-actions, found null");
        }
        return MetaAction.valueOf(symbol.name());
    }

    /** The schema's symbol for a simulator action. */
    public static dev.apprentice.lanechange.schema.MetaAction toSchema(MetaAction action) {
        return dev.apprentice.lanechange.schema.MetaAction.valueOf(action.name());
    }
}

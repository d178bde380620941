package dev.apprentice.il.stream.schema;

import dev.apprentice.il.data.ExpertStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Converts between the generated {@link Demonstration} envelope and the plain {@link ExpertStep}. */
public final class DemonstrationEnvelope {

    private DemonstrationEnvelope() {
    }

    /**
     * Reads an envelope into a step.
     *
     * @throws IllegalArgumentException naming the field when the envelope is structurally invalid
     *     (null or blank ids, a negative step, an action of neither kind, null floats)
     */
    public static ExpertStep toStep(Demonstration d) {
        Object action = d.getAction();
        float[] actionValues;
        boolean discrete;
        if (action instanceof Integer index) {
            actionValues = new float[] {index};
            discrete = true;
        } else if (action instanceof List<?> values) {
            actionValues = AvroArrays.floats(values, "action");
            discrete = false;
        } else {
            throw new IllegalArgumentException("action: expected an index or a list of floats, found "
                    + (action == null ? "null" : action.getClass().getSimpleName()));
        }
        List<Float> finalState = d.getFinalState();
        return new ExpertStep(d.getDomain(), d.getSource(), d.getEpisode(), d.getStep(), d.getEventTime(),
                AvroArrays.floats(d.getState(), "state"), actionValues, discrete, d.getTerminal(), d.getTimeLimited(),
                finalState == null ? null : AvroArrays.floats(finalState, "finalState"), d.getMetadata());
    }

    /** Writes a step as an envelope. */
    public static Demonstration toEnvelope(ExpertStep s) {
        Object action = s.discreteAction() ? (Object) s.actionIndex() : AvroArrays.list(s.action());
        float[] finalState = s.finalState();
        return Demonstration.newBuilder()
                .setDomain(s.domain())
                .setSource(s.source())
                .setEpisode(s.episode())
                .setStep(s.step())
                .setEventTime(s.eventTime())
                .setState(AvroArrays.list(s.state()))
                .setAction(action)
                .setTerminal(s.terminal())
                .setTimeLimited(s.timeLimited())
                .setFinalState(finalState == null ? null : AvroArrays.list(finalState))
                .setMetadata(new HashMap<>(s.metadata()))
                .build();
    }
}

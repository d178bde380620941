package dev.apprentice.phonesecurity;

import dev.apprentice.il.env.ObservationEncoder;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.phonesecurity.behaviour.BehaviourContext;
import dev.apprentice.phonesecurity.model.OwnerModel;

/**
 * What the owners' models see of a sample's context: the activity, one-hot. The app and the hour
 * travel with every sample and are stored, but the v1 models do not use them (the real Hold-and-Tap
 * data has neither).
 */
public final class ContextEncoder implements ObservationEncoder {

    /** The encoding's id, named in every model card. */
    public static final String ID = "phone-context-v1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Box inputSpace() {
        return BehaviourContext.space();
    }

    @Override
    public Box outputSpace() {
        return OwnerModel.CONTEXT;
    }

    @Override
    public float[] encode(float[] observation) {
        float[] out = new float[OwnerModel.CONTEXT.dimension()];
        out[(int) observation[BehaviourContext.ACTIVITY]] = 1f;
        return out;
    }
}

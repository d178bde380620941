package dev.apprentice.il.registry;

import dev.apprentice.il.policy.ActionDistribution;
import dev.apprentice.il.policy.PointMassDistribution;
import dev.apprentice.il.policy.Policy;
import dev.apprentice.il.spaces.Box;
import dev.apprentice.il.spaces.Space;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** A policy kind defined outside the codec, found through META-INF/services, for the codec's extension tests. */
public final class ConstantPolicyFormat implements PolicyFormat {

    /** A policy that always answers the same action. */
    public record ConstantPolicy(Box observationSpace, Box actionSpace, float[] action) implements Policy {
        @Override
        public ActionDistribution distribution(float[] observation) {
            return new PointMassDistribution(action);
        }
    }

    @Override
    public String kind() {
        return "test.constant";
    }

    @Override
    public boolean accepts(Policy policy) {
        return policy instanceof ConstantPolicy;
    }

    @Override
    public void write(Policy policy, DataOutputStream out) throws IOException {
        ConstantPolicy p = (ConstantPolicy) policy;
        PolicyCodec.writeSpace(out, p.observationSpace());
        PolicyCodec.writeSpace(out, p.actionSpace());
        PolicyCodec.writeFloats(out, p.action());
    }

    @Override
    public Policy read(DataInputStream in) throws IOException {
        Space obs = PolicyCodec.readSpace(in);
        Space act = PolicyCodec.readSpace(in);
        return new ConstantPolicy((Box) obs, (Box) act, PolicyCodec.readFloats(in));
    }
}

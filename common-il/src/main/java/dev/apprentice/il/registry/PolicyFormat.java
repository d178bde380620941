package dev.apprentice.il.registry;

import dev.apprentice.il.policy.Policy;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * How a policy kind defined outside the core (a service's per-user model, say) is written into
 * policy files, so that the registry, the policy topic and serving handle it like any other
 * policy. Implementations are found with {@link java.util.ServiceLoader} (list them in
 * {@code META-INF/services/dev.apprentice.il.registry.PolicyFormat}) and must have a public
 * no-argument constructor. The {@code PolicyCodec} helpers ({@link PolicyCodec#writeFloats},
 * {@link PolicyCodec#readFloats}, spaces and networks) bound every length they read.
 */
public interface PolicyFormat {

    /** The kind's name written into files, e.g. {@code phone-security.owner-model}; unique, stable across versions. */
    String kind();

    /** Whether this format writes {@code policy}. */
    boolean accepts(Policy policy);

    /** Writes everything needed to rebuild the policy. */
    void write(Policy policy, DataOutputStream out) throws IOException;

    /**
     * Rebuilds a policy from what {@link #write} wrote.
     *
     * @throws CorruptArtefactException or {@link IllegalArgumentException} when the bytes are inconsistent
     */
    Policy read(DataInputStream in) throws IOException;
}

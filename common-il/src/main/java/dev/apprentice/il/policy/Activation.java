package dev.apprentice.il.policy;

/** Hidden-layer activations supported by both the DL4J training network and the plain-Java forward pass. */
public enum Activation {
    /** Hyperbolic tangent: the default in GAIL/PPO policy networks. */
    TANH {
        @Override
        public float apply(float x) {
            return (float) Math.tanh(x);
        }
    },
    /** Rectified linear unit. */
    RELU {
        @Override
        public float apply(float x) {
            return x > 0 ? x : 0f;
        }
    },
    /** No non-linearity: used for output layers. */
    IDENTITY {
        @Override
        public float apply(float x) {
            return x;
        }
    };

    /** Applies the activation to one value. */
    public abstract float apply(float x);

    /** Parses a case-insensitive name, with a message listing the valid ones. */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("activation: expected one of tanh, relu, identity, found '" + name + "'");
    }
}

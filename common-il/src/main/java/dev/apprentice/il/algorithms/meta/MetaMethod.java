package dev.apprentice.il.algorithms.meta;

import java.util.Locale;

/** Which meta-update {@link MetaImitationTrainer} makes; each name is what model cards record. */
public enum MetaMethod {
    /**
     * MAML (Finn, Abbeel and Levine 2017) with its second-order term: the query loss's gradient at
     * the adapted parameters is carried back through every inner step as
     * {@code v ← v − α·H_support(θ_j)·v}. The Hessian-vector products are central differences of
     * the exact gradient, {@code H·v ≈ ‖v‖·(∇L(θ + εu) − ∇L(θ − εu)) / 2ε} with {@code u = v/‖v‖}:
     * neither engine differentiates a gradient (DL4J's {@code MultiLayerNetwork} backpropagates
     * once, the plain-Java engine is written for first derivatives), and two more gradient
     * evaluations per inner step cost less than a second backpropagation engine.
     */
    MAML,
    /**
     * First-order MAML (Finn et al. 2017, §5.2): the query loss's gradient at the adapted
     * parameters, applied to the initial ones, dropping the second-order term.
     */
    FIRST_ORDER_MAML,
    /**
     * Reptile (Nichol, Achiam and Schulman 2018): several inner steps on a task's data, then the
     * initialisation moves towards the adapted parameters; the meta-gradient fed to the outer
     * optimiser is {@code (θ − θ') / (α·k)}, a mean inner gradient. The query set only scores it.
     */
    REPTILE,
    /**
     * Joint training on every task's data without an inner loop: the baseline Finn et al. compare
     * with ("pretrained" in §5.1), fine-tuned at adaptation time exactly like the meta-learned
     * initialisations.
     */
    JOINT_PRETRAINING;

    /** The algorithm name in model cards and command lines: maml, fomaml, reptile, pretrained. */
    public String algorithmName() {
        return switch (this) {
            case MAML -> "maml";
            case FIRST_ORDER_MAML -> "fomaml";
            case REPTILE -> "reptile";
            case JOINT_PRETRAINING -> "pretrained";
        };
    }

    /** Looks a method up by {@link #algorithmName()} or constant name, with a message listing the valid names. */
    public static MetaMethod parse(String name) {
        for (MetaMethod m : values()) {
            if (m.algorithmName().equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name.replace('-', '_'))) {
                return m;
            }
        }
        throw new IllegalArgumentException("meta-learning method: expected one of maml, fomaml, reptile, pretrained, found '"
                + name + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.apprentice.il.discriminator;

/** Which adversarial loss the discriminator minimises; the choice that most affects GAIL/RAIL stability. */
public enum DiscriminatorObjective {

    /**
     * The standard GAN loss (binary cross-entropy on a logit y, D = σ(y)): −E_expert[log D] −
     * E_policy[log(1 − D)] (Goodfellow et al. 2014; GAIL, Ho and Ermon 2016).
     */
    GAN,

    /**
     * The least-squares GAN loss on a raw output y = D: ½E_expert[(D − 1)²] + ½E_policy[D²] (Mao et
     * al. 2017), as RAIL uses; its gradients do not vanish for confidently classified samples.
     */
    LEAST_SQUARES
}

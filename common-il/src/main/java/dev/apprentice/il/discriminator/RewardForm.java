package dev.apprentice.il.discriminator;

/**
 * How the discriminator's verdict D(s, a) ∈ (0, 1), the probability that (s, a) is the expert's,
 * becomes a reward. The form encodes a bias about episode length that matters as much as the
 * discriminator itself (Kostrikov et al., "Discriminator-Actor-Critic", ICLR 2019).
 */
public enum RewardForm {

    /**
     * −log(1 − D): always positive, so every extra step earns reward. Suits tasks whose episodes
     * end on failure (balancing, driving without collision); GAIL's original form.
     */
    MINUS_LOG_ONE_MINUS_D,

    /**
     * log D − log(1 − D), the discriminator's log-odds (AIRL, Fu et al. 2018): positive where the
     * policy looks like the expert, negative elsewhere, neutral about episode length.
     */
    LOG_ODDS
}

/** Next-production prediction: the policy's features, behaviour cloning against its baselines on held-out replays, the report. */
package dev.apprentice.starcraft.training;

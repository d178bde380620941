/** StarCraft II imitation as a service on the kit: the replay domain and the three minigame domains. */
package dev.apprentice.starcraft;

/** Demonstrations from real replays: per player, the state before each production and the production itself. */
package dev.apprentice.starcraft.demonstration;

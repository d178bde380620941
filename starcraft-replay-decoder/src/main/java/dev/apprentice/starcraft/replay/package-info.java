/** StarCraft II replays opened and decoded: header, details, init data and the three event streams, plus the replay command. */
package dev.apprentice.starcraft.replay;

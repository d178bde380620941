/**
 * Reading the MPQ archives that StarCraft II replays are stored in, the replay header and the files inside,
 * defensively, since replays come from untrusted uploads.
 */
package dev.apprentice.starcraft.replay.mpq;

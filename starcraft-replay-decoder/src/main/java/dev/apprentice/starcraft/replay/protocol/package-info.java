/** Blizzard's published protocol tables compiled at run time, and the bit-packed and versioned decoders they drive. */
package dev.apprentice.starcraft.replay.protocol;

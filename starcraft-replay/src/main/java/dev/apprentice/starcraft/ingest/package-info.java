/** Demonstrations that reach the service from files rather than from its topic: the reference replays published at start-up. */
package dev.apprentice.starcraft.ingest;

/** Avro records and request bodies to the core's steps and raw observations: replay productions and minigame feature layers. */
package dev.apprentice.starcraft.mapping;

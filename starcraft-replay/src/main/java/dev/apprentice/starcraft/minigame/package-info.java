/** A deterministic Java stand-in for three of pysc2's minigames (MoveToBeacon, CollectMineralShards, DefeatRoaches) with feature-layer observations, function-plus-arguments actions and pysc2's scripted experts. */
package dev.apprentice.starcraft.minigame;

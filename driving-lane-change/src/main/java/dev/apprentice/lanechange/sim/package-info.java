/** The multi-lane highway simulator (IDM traffic, a kinematic-bicycle ego driven by meta-actions) and its scripted IDM + MOBIL expert drivers. */
package dev.apprentice.lanechange.sim;

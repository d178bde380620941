/** The expert producer command of the lane-change service (the kit does the publishing). */
package dev.apprentice.lanechange.ingest;

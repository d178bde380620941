/** Serving: the promoted policy held in memory, hot-swapped on promotion and rollback, and the decisions it makes. */
package dev.apprentice.lanechange.serving;

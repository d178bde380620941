/** Serving: promoted policies held in memory by model id, checked before they are served, hot-swapped on promotion and rollback, and the decisions they make. */
package dev.apprentice.service.serving;

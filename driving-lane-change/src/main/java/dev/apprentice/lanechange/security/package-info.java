/** API-key authentication for the admin endpoints (and for decisions in the prod profile). */
package dev.apprentice.lanechange.security;

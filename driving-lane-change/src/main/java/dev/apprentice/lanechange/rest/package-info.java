/** The service's HTTP API under {@code /api/v1/lane-change}. */
package dev.apprentice.lanechange.rest;

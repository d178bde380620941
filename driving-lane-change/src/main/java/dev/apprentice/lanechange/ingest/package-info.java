/** Kafka plumbing of the service: the broker connection, the ingester from the demonstrations topic into the store, and the simulated expert producer. */
package dev.apprentice.lanechange.ingest;

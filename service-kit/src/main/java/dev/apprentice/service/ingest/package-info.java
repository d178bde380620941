/** Kafka plumbing every service shares: the broker connection, the exactly-once ingester from the demonstrations topic into the store, and the simulated expert producer. */
package dev.apprentice.service.ingest;

/**
 * Recorded cases in: a per-second case file (VitalDB track names by default) converted to
 * demonstrations and published one case per Kafka transaction, so that a case is stored whole or
 * not at all.
 */
package dev.apprentice.anesthesia.ingest;

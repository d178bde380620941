/** Getting cases onto the demonstrations topic: simulated experts, and recorded real cases imported from per-second CSV files, each case in one transaction. */
package dev.apprentice.anesthesia.ingest;

/** Getting cases onto the demonstrations topic: simulated experts, and recorded cases from files. */
package dev.apprentice.anesthesia.ingest;

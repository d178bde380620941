/** What a clinician sees and sets: the observation at decision time, the two infusion rates and the case's phases. */
package dev.apprentice.anesthesia.clinical;

/** The real-data cohort evaluation as a service: run at start-up or by an administrator, shown on the page, reported. */
package dev.apprentice.phonesecurity.cohort;

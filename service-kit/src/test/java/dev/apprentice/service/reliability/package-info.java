/** The kit's reliability tests: restarts after crashes and damage, failures made visible (JUnit tag {@code reliability}). */
package dev.apprentice.service.reliability;

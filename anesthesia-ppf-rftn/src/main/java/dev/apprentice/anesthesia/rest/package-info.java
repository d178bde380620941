/** The domain's own endpoints: recommendations with their safety verdict, and the simulate-profile calculator. */
package dev.apprentice.anesthesia.rest;

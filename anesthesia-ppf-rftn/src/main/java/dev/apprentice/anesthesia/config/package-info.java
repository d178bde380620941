/** Typed settings of the anaesthesia domain: the safety envelope and how cases are simulated. */
package dev.apprentice.anesthesia.config;

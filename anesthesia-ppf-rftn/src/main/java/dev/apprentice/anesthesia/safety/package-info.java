/** The safety envelope every recommendation passes through, whatever the policy says. */
package dev.apprentice.anesthesia.safety;

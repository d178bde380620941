/** The patient simulator: propofol and remifentanil pharmacokinetics, the BIS and blood-pressure responses, surgical stimulation, monitors and pumps. */
package dev.apprentice.anesthesia.sim;

/** The simulated anaesthesiologists (the teachers) and the clinical quality metrics every controller is judged by. */
package dev.apprentice.anesthesia.expert;

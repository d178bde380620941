/** How infusion policies are learned and judged: features, the case environment, recipes, evaluation on held-out patients. */
package dev.apprentice.anesthesia.training;

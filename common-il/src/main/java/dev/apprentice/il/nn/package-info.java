/** The DL4J bridge: building training networks, the imitation losses they minimise, and exporting their weights to the plain-Java forward pass. */
package dev.apprentice.il.nn;

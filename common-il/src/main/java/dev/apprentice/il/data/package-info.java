/** Demonstration data: transitions, trajectories and the columnar {@link dev.apprentice.il.data.DemonstrationSet} that trainers read. */
package dev.apprentice.il.data;

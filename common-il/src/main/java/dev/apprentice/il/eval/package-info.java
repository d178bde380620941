/** The same evaluation for every algorithm and domain: normalised return against random and expert on shared seeds, action agreement on held-out expert states, episode statistics; as a table or JSON. */
package dev.apprentice.il.eval;

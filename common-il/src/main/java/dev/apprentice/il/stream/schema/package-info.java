/**
 * The generated Avro classes of the demonstration envelope and their conversion to the plain
 * {@link dev.apprentice.il.data.ExpertStep}, so nothing beyond this edge handles generated types.
 */
package dev.apprentice.il.stream.schema;

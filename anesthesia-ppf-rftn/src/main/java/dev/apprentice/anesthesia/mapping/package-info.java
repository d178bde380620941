/** The edges: Avro demonstration records and recommendation request bodies to and from the raw observation vector. */
package dev.apprentice.anesthesia.mapping;

/** Conversion between the lane-change Avro records and the core's expert steps, at the edge of the service. */
package dev.apprentice.lanechange.mapping;

/**
 * The Kafka + Avro data plane: payload codecs and Kafka serdes without a schema registry, the
 * expert-demonstration publisher, and the ingester that stores every valid record exactly once and
 * dead-letters every bad one with its reason.
 */
package dev.apprentice.il.stream;

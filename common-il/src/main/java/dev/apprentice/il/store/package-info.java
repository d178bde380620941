/**
 * The durable demonstration store: expert steps appended from a stream to local Avro segments,
 * read back as whole episodes together with the Kafka offset ranges they came from.
 */
package dev.apprentice.il.store;

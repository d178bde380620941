/** A real single-node Apache Kafka broker (KRaft) started inside the JVM, for tests and the local default. */
package dev.apprentice.kafka.embedded;

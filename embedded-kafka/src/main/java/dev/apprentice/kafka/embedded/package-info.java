/**
 * Real Apache Kafka brokers (KRaft) for tests and the local default: a single node inside the JVM, or a
 * cluster of nodes in JVMs of their own that a test can kill and restart.
 */
package dev.apprentice.kafka.embedded;

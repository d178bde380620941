/**
 * JMH benchmarks of Apprentice's acting and training paths and of replay decoding, run with {@code benchmarks/run}, and load
 * tools that run against or beside real components ({@code decision-load}, {@code ingest}, {@code owner-scale}).
 */
package dev.apprentice.il.benchmarks;

/** JMH benchmarks of Apprentice's acting and training paths, run with {@code benchmarks/run}. */
package dev.apprentice.il.benchmarks;

/** Observation and action spaces: {@link dev.apprentice.il.spaces.Discrete} and {@link dev.apprentice.il.spaces.Box}, which validate vectors and say what was wrong. */
package dev.apprentice.il.spaces;

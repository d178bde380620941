/** Durable local-file writing shared by the registry, training checkpoints and the demonstration store. */
package dev.apprentice.il.io;

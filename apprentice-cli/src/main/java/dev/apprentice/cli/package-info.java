/** The {@code apprentice} command line: train, evaluate and register policies on the built-in environments, and manage the registry. */
package dev.apprentice.cli;

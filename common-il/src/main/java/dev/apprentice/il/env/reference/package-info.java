/** Built-in reference environments with scripted experts (CartPole, Pendulum, identity tasks), used by tests, benchmarks and the CLI. */
package dev.apprentice.il.env.reference;

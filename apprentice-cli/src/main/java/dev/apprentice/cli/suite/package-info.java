/** The one-command suite: one embedded broker, the four services as child JVMs, and the index page that watches them. */
package dev.apprentice.cli.suite;

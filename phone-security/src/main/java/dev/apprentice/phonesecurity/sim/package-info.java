/** Synthetic phone owners and impostors with their own habits and behaviour, and the command that publishes their sessions. */
package dev.apprentice.phonesecurity.sim;

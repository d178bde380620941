/** Recorded behaviour data sets read from disk: the Hold-and-Tap files as immutable per-user sample sequences. */
package dev.apprentice.phonesecurity.data;

/** The one-command demo: a synthetic cohort seeded at start-up and the real-data evaluation the page shows. */
package dev.apprentice.phonesecurity.demo;

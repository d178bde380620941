package dev.apprentice.phonesecurity.demo;

/**
 * How far the demo's start-up seeding is, as the page shows it; no user id or feature value.
 *
 * @param stage {@code off}, {@code publishing}, {@code storing}, {@code learning}, {@code enrolling},
 *     {@code ready} or {@code failed}
 * @param users the synthetic users of the cohort
 * @param storedSessions complete sessions the store holds
 * @param expectedSessions complete sessions the cohort publishes
 * @param enrolled users enrolled so far
 * @param seconds seconds since seeding started, or until it was ready or failed
 */
public record DemoProgress(String stage, int users, long storedSessions, long expectedSessions, int enrolled,
        double seconds) {
}

package dev.apprentice.phonesecurity.sim;

/** The four parts of the day whose app habits differ: each has its own transition matrix. */
enum DayPart {
    /** 0 to 5 h. */
    NIGHT,
    /** 6 to 11 h. */
    MORNING,
    /** 12 to 17 h. */
    AFTERNOON,
    /** 18 to 23 h. */
    EVENING;

    /** The part of the day an hour (0 to 23) falls in. */
    static DayPart of(int hour) {
        return values()[hour / 6];
    }
}

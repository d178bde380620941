package dev.apprentice.service.security;

/** The roles a key can carry; endpoints name them in {@code @RolesAllowed}. */
public final class Roles {

    /** Training, registry, producer and ingest endpoints, and everything a decision client may do. */
    public static final String ADMIN = "admin";
    /** Decisions and the serving policy's provenance. */
    public static final String DECISION = "decision";
    /**
     * A key issued at run time for one subject (the person a model and data belong to: a user, a
     * patient, a driver); it may act only for that subject ({@link SubjectAccess}) and carries no
     * other role.
     */
    public static final String SUBJECT = "subject";

    private Roles() {
    }
}

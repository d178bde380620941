package dev.apprentice.service.error;

/**
 * A failure a client is told about: its HTTP status, a stable error code, and the field it
 * concerns. Only these (and malformed JSON) reach clients with their message; any other exception
 * is an internal error.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    protected ApiException(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The error code in the body, e.g. {@code invalid-request}. */
    public String code() {
        return code;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}

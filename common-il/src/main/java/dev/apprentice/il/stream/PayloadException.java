package dev.apprentice.il.stream;

/** Bytes that cannot be decoded; the message is the reason a dead-letter record carries. */
public final class PayloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayloadException(String reason) {
        super(reason);
    }

    public PayloadException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

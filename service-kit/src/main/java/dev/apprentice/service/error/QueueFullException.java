package dev.apprentice.service.error;

/** 429: the training queue is full; try again when a job has finished. */
public final class QueueFullException extends ApiException {

    public QueueFullException(String message) {
        super(429, "queue-full", null, message);
    }
}

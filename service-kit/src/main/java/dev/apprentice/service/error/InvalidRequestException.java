package dev.apprentice.service.error;

/** 400: the request is malformed or a value is out of range; the message names the field and what was expected. */
public final class InvalidRequestException extends ApiException {

    /**
     * @param message what was expected and found; prefixed with the field unless it starts with it (or
     *     with its last path segment, as a domain object's own message does: {@code weightKg: ...} for
     *     {@code patient.weightKg})
     */
    public InvalidRequestException(String field, String message) {
        super(400, "invalid-request", field, withField(field, message));
    }

    private static String withField(String field, String message) {
        if (message.startsWith(field + ":")) {
            return message;
        }
        String last = field.substring(field.lastIndexOf('.') + 1);
        return message.startsWith(last + ":") ? field + message.substring(last.length()) : field + ": " + message;
    }
}

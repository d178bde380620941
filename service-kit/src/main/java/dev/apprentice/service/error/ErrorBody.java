package dev.apprentice.service.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error answer.
 *
 * @param status the HTTP status
 * @param error a stable code, e.g. {@code invalid-request}
 * @param field the request field at fault, when one is
 * @param message what was wrong, for a person
 * @param errorId for internal errors: the id under which the cause is logged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int status, String error, String field, String message, String errorId) {
}

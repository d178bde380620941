/** The kit's own exception types, each with its HTTP status, and the mapper that turns them (and malformed JSON) into JSON error bodies; anything else is a logged 500 with an id. */
package dev.apprentice.service.error;

package dev.apprentice.service.domain;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one decision request body into the domain's raw observation, checking every value. */
public interface DecisionCodec {

    /**
     * The raw observation a request body describes.
     *
     * @param path the body's JSON path, {@code ""} alone or {@code "requests[3]"} inside a batch
     * @throws dev.apprentice.service.error.InvalidRequestException naming the offending field
     */
    float[] observation(JsonNode body, String path);
}

package dev.apprentice.service.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** When a newly trained version is served. */
public enum PromotionRule {
    /** Never automatically; an administrator promotes. */
    MANUAL("manual"),
    /** Always. */
    ALWAYS("always"),
    /** When it beats the served version under the same evaluation protocol and keeps every safety metric. */
    IF_BETTER("if-better");

    private final String id;

    PromotionRule(String id) {
        this.id = id;
    }

    /** The name used in requests and configuration. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The rule with this id, if any. */
    public static Optional<PromotionRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}

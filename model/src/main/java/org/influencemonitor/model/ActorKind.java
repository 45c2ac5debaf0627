package org.influencemonitor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of state-linked actor the contract knows. */
public enum ActorKind {
    GOVERNMENT, INTELLIGENCE, MILITARY, STATE_MEDIA, PROXY, OPERATION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ActorKind fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}

package org.influencemonitor.processor.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The kinds of rule, by the name the alert contract carries in {@code rule} (and stored states in
 * {@code incidents[].rule}). The contract's field stays a string so that new kinds are additions.
 * {@code coverage} is about the feeds, not a country: a source that fell silent (see {@link SourceCoverage}).
 */
public enum RuleKind {
    THRESHOLD, SPIKE, SHARE, NARRATIVE, NEW_ACTOR, COVERAGE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RuleKind fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}

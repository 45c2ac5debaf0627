package org.influencemonitor.processor.tagging;

/**
 * What a dictionary surface form stands for. Entities (country, actor, election term, ignore)
 * compete for the same span under longest-match-wins; narratives and context cues are separate
 * layers, because a phrase such as "stolen election" both names an election and carries a claim,
 * and a cue such as "Atlanta" must be seen even where it is part of a longer entity.
 */
enum EntryType {
    COUNTRY("country"),
    ACTOR("actor"),
    ELECTION_TERM("election_term"),
    /** A phrase that looks like an entity but is not ("guinea pig", "Sputnik V"): it wins its span and emits nothing. */
    IGNORE("ignore"),
    NARRATIVE("narrative"),
    CUE("cue");

    private final String wireName;

    EntryType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    boolean isEntity() {
        return this == COUNTRY || this == ACTOR || this == ELECTION_TERM || this == IGNORE;
    }
}

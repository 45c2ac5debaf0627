package org.influencemonitor.processor.tagging;

import org.influencemonitor.model.ActorKind;

/** A state-linked actor as defined in {@code actors.tsv}. */
record Actor(String id, String name, String country, ActorKind kind) {
}

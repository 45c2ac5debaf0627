package org.influencemonitor.processor.rules;

import java.time.Instant;

/** When an actor was first and last seen about the state's country (window starts of closed windows). */
public record ActorSeen(String id, Instant firstSeen, Instant lastSeen) {
}

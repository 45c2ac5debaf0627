package org.influencemonitor.processor.rules;

/**
 * A state-linked actor named in a window: its id, display name, its own country (ISO alpha-2, e.g.
 * {@code RU} for RT), its kind ({@code state_media}, {@code intelligence}, ...) and the number of
 * distinct articles in the window that name it or come from it.
 */
public record ActorCount(String id, String name, String country, String kind, int articles) {
}

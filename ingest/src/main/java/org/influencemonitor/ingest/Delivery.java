package org.influencemonitor.ingest;

/** What Kafka did with one record: acknowledged it, refused that record, or could not be reached. */
public sealed interface Delivery permits Delivery.Acknowledged, Delivery.Refused, Delivery.Unavailable {
    /** Written and acknowledged by every in-sync replica ({@code acks=all}). */
    record Acknowledged(int partition, long offset) implements Delivery {
    }

    /** The broker refused this record even sent alone (too large for the topic, a timestamp it will not take). */
    record Refused(String reason) implements Delivery {
    }

    /** Kafka could not be reached or would not let us write (timeout, authentication, authorisation). */
    record Unavailable(String reason) implements Delivery {
    }
}

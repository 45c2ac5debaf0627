package org.influencemonitor.app.chaos;

/**
 * What became of the hostile corpus through one entry point. {@code in} records went in; each ends up
 * enriched, dead-lettered (by ingest or by the processor), counted as a duplicate or a skipped blank line,
 * or refused by the Kafka client before it reached the broker. {@code expectedEnriched} is the number of
 * cases the corpus says must get through; {@code running} whether every component was still up after it.
 */
record HostileRow(String entryPoint, int in, long enriched, int expectedEnriched, long ingestDeadLetters,
                  long processorDeadLetters, long duplicates, long skipped, long refused, boolean running, String notes) {

    long accounted() {
        return enriched + ingestDeadLetters + processorDeadLetters + duplicates + skipped + refused;
    }

    boolean addsUp() {
        return accounted() == in && enriched == expectedEnriched && running;
    }
}

package org.influencemonitor.processor.query;

/** A resource under {@code /countries/{CC}/}: answered by the instance that owns the country. */
interface CountryResource {
    /** Checks the parameters before the request is routed, so a bad request is refused where it arrives. */
    void validate(QueryRequest request);

    /** The answer from this instance's stores; {@code partition} is the country's partition. */
    Reply answer(String country, int partition, QueryRequest request);
}

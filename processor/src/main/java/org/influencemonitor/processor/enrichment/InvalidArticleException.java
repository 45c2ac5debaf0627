package org.influencemonitor.processor.enrichment;

/** An article that parsed as JSON but cannot be processed; its message is the reason in the dead-letter queue. */
public class InvalidArticleException extends RuntimeException {
    public InvalidArticleException(String reason) {
        super(reason);
    }
}

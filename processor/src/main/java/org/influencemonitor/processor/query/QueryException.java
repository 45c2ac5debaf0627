package org.influencemonitor.processor.query;

/** A request the API answers with an error status instead of data; becomes {@code {"error": "..."}}. */
final class QueryException extends RuntimeException {
    private final int status;

    QueryException(int status, String message) {
        super(message);
        this.status = status;
    }

    static QueryException badRequest(String message) {
        return new QueryException(400, message);
    }

    static QueryException notFound(String message) {
        return new QueryException(404, message);
    }

    /** The data exists but cannot be read right now (starting, rebalancing, an instance not answering). */
    static QueryException unavailable(String message) {
        return new QueryException(503, message);
    }

    int status() {
        return status;
    }

    Reply reply() {
        return Reply.error(status, getMessage());
    }
}

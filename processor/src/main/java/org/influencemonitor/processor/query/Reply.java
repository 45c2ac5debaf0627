package org.influencemonitor.processor.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.influencemonitor.model.Json;

/** What one request is answered with: a status, a JSON body and any extra headers. */
record Reply(int status, byte[] body, Map<String, String> headers) {
    /** Seconds a client should wait before asking again when the stores are not ready. */
    static final String RETRY_AFTER_SECONDS = "2";

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(Object value) {
        return of(200, value);
    }

    static Reply error(int status, String message) {
        Reply reply = of(status, Map.of("error", message == null ? "unknown error" : message));
        return status == 503 ? reply.withHeader("Retry-After", RETRY_AFTER_SECONDS) : reply;
    }

    static Reply of(int status, Object value) {
        try {
            return new Reply(status, Json.mapper().writeValueAsBytes(value), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON: " + e.getMessage(), e);
        }
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, more);
    }
}

package org.influencemonitor.ingest.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.influencemonitor.ingest.Intake;
import org.influencemonitor.ingest.IngestTally;
import org.influencemonitor.ingest.Outcome;
import org.influencemonitor.ingest.file.RawRecord;
import org.influencemonitor.ingest.file.JsonLinesFormat;
import org.influencemonitor.ingest.file.RecordIntake;
import org.influencemonitor.model.Json;

/**
 * {@code POST /v1/articles} and {@code GET /health}. A push is answered once Kafka has settled every
 * record in it, so {@code 202} means durable ({@code acks=all}); a batch with bad lines publishes its good
 * ones and answers {@code 400} with a reason per bad line; {@code 413} past the body limit; {@code 429}
 * when the records already waiting for Kafka would pass the in-flight limit (nothing of the push is read,
 * so the client can simply retry it); {@code 503} when Kafka could not be written to. The answer is
 * written when the last acknowledgement arrives, without holding a worker thread while waiting.
 */
final class PushHandler extends Handler.Abstract {
    static final String PATH = "/v1/articles";

    private final Intake intake;
    private final RecordIntake records;
    private final long maxBodyBytes;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final AtomicLong requests = new AtomicLong();

    PushHandler(Intake intake, long maxBodyBytes, int maxInFlight) {
        this.intake = intake;
        this.records = new RecordIntake(intake, new JsonLinesFormat());
        this.maxBodyBytes = maxBodyBytes;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** Records of pushes waiting for Kafka. */
    int recordsInFlight() {
        return maxInFlight - inFlight.availablePermits();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (path.equals("/health")) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                return answer(response, callback, 405, Map.of("error", "GET /health"));
            }
            return answer(response, callback, 200, health());
        }
        if (!path.equals(PATH)) {
            return answer(response, callback, 404, Map.of("error", "no such resource: POST " + PATH + " or GET /health"));
        }
        if (!method.equals("POST")) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            return answer(response, callback, 405, Map.of("error", "POST articles to " + PATH));
        }
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            return answer(response, callback, 413, tooLarge());
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        }
        if (body.length > maxBodyBytes) {
            return answer(response, callback, 413, tooLarge());
        }
        List<RawRecord> records = PushBody.records(body, request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (records.size() > maxInFlight) {
            return answer(response, callback, 413, Map.of("error", "a push holds at most " + maxInFlight + " records, this one "
                    + records.size()));
        }
        if (!inFlight.tryAcquire(records.size())) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            return answer(response, callback, 429, Map.of("error", "Kafka is behind: " + recordsInFlight()
                    + " records are waiting for it; retry this push shortly"));
        }
        String origin = "ingest http " + Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request)
                + " push " + requests.incrementAndGet();
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(records.size());
        for (RawRecord record : records) {
            CompletableFuture<Outcome> outcome = this.records.read(record, origin + " line " + record.line());
            outcome.whenComplete((o, e) -> inFlight.release());
            outcomes.add(outcome);
        }
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).whenComplete((done, e) -> {
            try {
                reply(response, callback, records, outcomes);
            } catch (RuntimeException failure) {
                callback.failed(failure);
            }
        });
        return true;
    }

    private void reply(Response response, Callback callback, List<RawRecord> records, List<CompletableFuture<Outcome>> outcomes) {
        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        int duplicates = 0;
        int skipped = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i).join();
            long line = records.get(i).line();
            if (outcome instanceof Outcome.Published p) {
                ids.add(p.article().id());
            } else if (outcome instanceof Outcome.Duplicate) {
                duplicates++;
            } else if (outcome instanceof Outcome.Skipped) {
                skipped++;
            } else if (outcome instanceof Outcome.Rejected r) {
                rejected.add(Map.of("line", line, "reason", r.reason()));
            } else if (outcome instanceof Outcome.Failed f) {
                failed.add(Map.of("line", line, "reason", f.reason()));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("published", ids.size());
        body.put("duplicates", duplicates);
        body.put("rejected", rejected.size());
        body.put("skipped", skipped);
        body.put("ids", ids);
        int status = 202;
        if (!failed.isEmpty()) {
            status = 503;
            body.put("error", "Kafka did not acknowledge " + failed.size() + " records; retry them");
            body.put("failed_lines", failed);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        } else if (!rejected.isEmpty()) {
            status = 400;
            body.put("error", rejected.size() + " records are not articles; the others were published");
        }
        if (!rejected.isEmpty()) {
            body.put("rejected_lines", rejected);
        }
        answer(response, callback, status, body);
    }

    private Map<String, Object> health() {
        IngestTally tally = intake.counts().tally();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("read", tally.read());
        counts.put("published", tally.published());
        counts.put("duplicates", tally.duplicates());
        counts.put("rejected", tally.rejected());
        counts.put("skipped", tally.skipped());
        counts.put("failed", tally.failed());
        counts.put("pending", tally.pending());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("counts", counts);
        body.put("records_in_flight", recordsInFlight());
        return body;
    }

    private Map<String, Object> tooLarge() {
        return Map.of("error", "the body is larger than the " + maxBodyBytes + " bytes this endpoint takes (--max-body-bytes)");
    }

    private static boolean answer(Response response, Callback callback, int status, Object body) {
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return true;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(json), callback);
        return true;
    }
}

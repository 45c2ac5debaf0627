package org.influencemonitor.processor.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;
import org.influencemonitor.model.Json;

/**
 * Asks every other instance the same question at once and reads their answers, for the resources that
 * span every country ({@code /incidents}, {@code /map}). If any instance cannot answer, the whole answer is
 * 503: a partial list would look like countries without incidents or without articles.
 */
final class Gathering {
    private final Ownership ownership;
    private final Forwarder forwarder;

    Gathering(Ownership ownership, Forwarder forwarder) {
        this.ownership = ownership;
        this.forwarder = forwarder;
    }

    /** Every other instance's answer to {@code pathAndQuery}, read as {@code type}; {@code what} names it in errors. */
    <T> List<T> fromOthers(String pathAndQuery, Class<T> type, String what) {
        List<HostInfo> others = ownership.others();
        List<CompletableFuture<Reply>> asked = new ArrayList<>();
        for (HostInfo other : others) {
            asked.add(forwarder.send(other, pathAndQuery));
        }
        List<T> answers = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            Reply reply = asked.get(i).join();
            HostInfo other = others.get(i);
            if (reply.status() != 200) {
                throw QueryException.unavailable("instance " + other.host() + ":" + other.port()
                        + " could not list its " + what + ": " + errorOf(reply));
            }
            answers.add(read(reply, other, type, what));
        }
        return answers;
    }

    private static <T> T read(Reply reply, HostInfo from, Class<T> type, String what) {
        try {
            return Json.mapper().readValue(reply.body(), type);
        } catch (IOException e) {
            throw QueryException.unavailable("instance " + from.host() + ":" + from.port()
                    + " answered something other than " + what + ": " + e.getMessage());
        }
    }

    private static String errorOf(Reply reply) {
        try {
            return Json.mapper().readTree(reply.body()).path("error").asText("status " + reply.status());
        } catch (IOException e) {
            return "status " + reply.status();
        }
    }
}

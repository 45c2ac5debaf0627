package org.influencemonitor.sink.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.influencemonitor.sink.DeliveredAlert;
import org.influencemonitor.sink.DeliveryException;
import org.influencemonitor.sink.testing.TestAlerts;
import org.influencemonitor.sink.testing.WebhookReceiver;
import org.influencemonitor.sink.testing.WebhookReceiver.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook channel against a real HTTP server that checks every signature with its own verifier. */
class WebhookChannelTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private WebhookReceiver receiver;
    private WebhookChannel channel;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver(SECRET);
        channel = new WebhookChannel(receiver.url(), WebhookSigner.fromSecret(SECRET, "test"), Duration.ofSeconds(5),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void signsAsTheSpecificationsOwnExampleDoes() {
        // The example in the Standard Webhooks specification's test suite.
        String signature = WebhookSigner.fromSecret(SECRET, "test")
                .sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void postsTheTopicsJsonWithAStableIdAndAValidSignature() throws Exception {
        DeliveredAlert first = TestAlerts.delivered(TestAlerts.firing(1, 0), 0, 0);
        DeliveredAlert second = TestAlerts.delivered(TestAlerts.firing(1, 1), 0, 1);
        channel.deliver(List.of(first, second));

        List<WebhookReceiver.Request> got = receiver.requests();
        assertEquals(2, got.size());
        assertTrue(got.stream().allMatch(WebhookReceiver.Request::signatureValid));
        assertEquals(first.alert().alertId() + ":0", got.get(0).id());
        assertEquals(first.alert().alertId() + ":1", got.get(1).id());
        assertEquals(new String(first.json(), StandardCharsets.UTF_8), got.get(0).bodyText());
    }

    @Test
    void aRetriedBatchSkipsWhatWentOutAndKeepsItsIds() throws Exception {
        receiver.script(Answer.status(200), Answer.status(500));
        List<DeliveredAlert> batch = List.of(TestAlerts.delivered(TestAlerts.firing(2, 0), 0, 0),
                TestAlerts.delivered(TestAlerts.firing(2, 1), 0, 1));
        DeliveryException e = assertThrows(DeliveryException.class, () -> channel.deliver(batch));
        assertEquals(DeliveryException.Kind.RETRYABLE, e.kind());

        channel.deliver(batch);
        List<WebhookReceiver.Request> got = receiver.requests();
        assertEquals(3, got.size(), "the first alert is not sent again");
        assertEquals(got.get(1).id(), got.get(2).id(), "a retry carries the same webhook-id");
        assertEquals(2, receiver.distinctBodies().size());
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        receiver.script(new Answer(429, Map.of("Retry-After", "7")));
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel.deliver(List.of(TestAlerts.delivered(TestAlerts.firing(3, 0), 0, 0))));
        assertEquals(DeliveryException.Kind.RETRYABLE, e.kind());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        receiver.script(new Answer(307, Map.of("Location", receiver.url().resolve("/elsewhere").toString())));
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel.deliver(List.of(TestAlerts.delivered(TestAlerts.firing(4, 0), 0, 0))));
        assertEquals(DeliveryException.Kind.RETRYABLE, e.kind());
        assertTrue(e.getMessage().contains("redirects are not followed"), e.getMessage());
        assertEquals(1, receiver.requests().size(), "nothing was sent to the Location");
    }

    @Test
    void goneDisablesAndBadRequestIsPermanent() {
        receiver.script(Answer.status(410), Answer.status(400));
        DeliveredAlert alert = TestAlerts.delivered(TestAlerts.firing(5, 0), 0, 0);
        assertEquals(DeliveryException.Kind.DISABLED,
                assertThrows(DeliveryException.class, () -> channel.deliver(List.of(alert))).kind());
        assertEquals(DeliveryException.Kind.PERMANENT,
                assertThrows(DeliveryException.class, () -> channel.deliver(List.of(alert))).kind());
    }

    @Test
    void messagesNameTheEndpointWithoutItsQueryAndNeverTheSecret() throws Exception {
        URI withToken = URI.create(receiver.url() + "?token=s3cr3t");
        WebhookChannel tokened = new WebhookChannel(withToken, WebhookSigner.fromSecret(SECRET, "test"),
                Duration.ofSeconds(5), Clock.systemUTC());
        receiver.script(Answer.status(503));
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> tokened.deliver(List.of(TestAlerts.delivered(TestAlerts.firing(6, 0), 0, 0))));
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET.substring(6)), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 503 from http://127.0.0.1:"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> WebhookSigner.fromSecret("whsec_not base64 at all!", "--secret-file x"));
        assertFalse(bad.getMessage().contains("not base64 at all"), bad.getMessage());
    }
}

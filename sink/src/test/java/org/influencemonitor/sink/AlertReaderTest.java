package org.influencemonitor.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.influencemonitor.sink.testing.TestAlerts;
import org.junit.jupiter.api.Test;

class AlertReaderTest {
    private final AlertReader reader = new AlertReader();

    private AlertReader.Result read(String json) {
        return reader.read(new ConsumerRecord<>("alerts", 0, 7, null, json == null ? null : json.getBytes(StandardCharsets.UTF_8)));
    }

    private String reason(String json) {
        return assertInstanceOf(AlertReader.Unreadable.class, read(json)).reason();
    }

    @Test
    void aValidAlertIsRead() {
        String json = new String(TestAlerts.json(TestAlerts.firing(1, 0)), StandardCharsets.UTF_8);
        DeliveredAlert alert = assertInstanceOf(AlertReader.Readable.class, read(json)).alert();
        assertEquals("alerts-0@7", alert.origin());
    }

    @Test
    void everyKindOfBadRecordHasItsReason() {
        String valid = new String(TestAlerts.json(TestAlerts.firing(1, 0)), StandardCharsets.UTF_8);
        assertEquals("unsupported schema_version 2 (this sink reads 1)",
                reason(valid.replace("\"schema_version\":1", "\"schema_version\":2")));
        assertEquals("no schema_version", reason(valid.replace("\"schema_version\":1,", "")));
        assertEquals("alert has no alert_id", reason(valid.replaceAll("\"alert_id\":\"[^\"]+\",", "")));
        assertEquals("no value (a tombstone is not an alert)", reason(null));
        assertEquals(true, reason("{not json").startsWith("not a valid Alert JSON value"));
        assertEquals(true, reason(valid.replace("\"warning\"", "\"apocalyptic\"")).startsWith("not a valid Alert JSON value"));
    }
}

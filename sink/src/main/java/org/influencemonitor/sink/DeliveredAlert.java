package org.influencemonitor.sink;

import org.influencemonitor.model.Alert;

/** An alert as read from the topic: the parsed event and the exact JSON it arrived as. */
public record DeliveredAlert(Alert alert, byte[] json) {
}

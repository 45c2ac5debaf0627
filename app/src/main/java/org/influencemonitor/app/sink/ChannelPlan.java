package org.influencemonitor.app.sink;

import java.util.function.Supplier;
import org.influencemonitor.sink.AlertChannel;
import org.influencemonitor.sink.AlertSink;

/** A channel as configured, before anything is opened: its delivery settings and how to open it. */
record ChannelPlan(AlertSink.Settings settings, Supplier<AlertChannel> opener) {
}

package org.influencemonitor.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * One component's meters, in the Prometheus format. Every meter carries the tag {@code component}
 * (processor, ingest, sink), so one Prometheus job can scrape them all and a query tells them apart; the
 * JVM's own meters (heap, GC, threads, CPU, uptime) come with it because an operator asks for those first.
 */
public final class Telemetry implements AutoCloseable {
    /** The tag on every meter naming the component that serves it. */
    public static final String COMPONENT_TAG = "component";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Telemetry(String component) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(COMPONENT_TAG, component);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format (version 0.0.4), as {@code /metrics} answers. */
    public String scrape() {
        return registry.scrape(MetricsHandler.CONTENT_TYPE);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}

package org.influencemonitor.processor.query;

import java.util.Optional;
import java.util.function.Function;
import org.influencemonitor.model.EnrichedArticle;
import org.influencemonitor.processor.MonitorConfig;

/**
 * What the dashboard's resources read besides the state stores: the processor's configuration (its
 * windows, its rules for the baseline's band, its election calendar) and the articles this instance has
 * read recently, for an alert's evidence.
 *
 * @param config   the configuration the topology runs with
 * @param articles the enriched article with this id, if this instance still holds it
 */
public record DashboardSources(MonitorConfig config, Function<String, Optional<EnrichedArticle>> articles) {
}

package org.influencemonitor.processor.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rule engine's configuration. {@link #defaults()} is the bundled {@code rules/default-rules.yaml};
 * {@link #load(Path)} reads a YAML file that overrides any part of it (a field left out keeps its default;
 * maps such as {@code threshold.countries} are merged key by key). Every field is documented in the
 * bundled file and in {@code docs/alerting.md}.
 *
 * @param quietWindowsToResolve closed quiet windows (M) after which an open incident is resolved
 */
public record RulesConfig(int quietWindowsToResolve, PreElection preElection, Level level, Threshold threshold,
                          Surge spike, Surge share, Surge narrative, NewActor newActor, Coverage coverage) {

    public static final String DEFAULT_RESOURCE = "/rules/default-rules.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /**
     * Score bands: a score at or above {@code critical} is critical, at or above {@code warning} a warning,
     * anything lower info. A null band is never reached.
     */
    public record SeverityBands(Double warning, Double critical) {
        /** The severity of a score, one step higher when {@code raised} (the pre-election period). */
        public org.influencemonitor.model.Alert.Severity of(double score, boolean raised) {
            int level = 0;
            if (critical != null && score >= critical) {
                level = 2;
            } else if (warning != null && score >= warning) {
                level = 1;
            }
            if (raised) {
                level = Math.min(2, level + 1);
            }
            return org.influencemonitor.model.Alert.Severity.values()[level];
        }
    }

    /** Before (and just after) an election in the calendar, thresholds are lowered and severities raised. */
    public record PreElection(int weeksBefore, int daysAfter, double thresholdFactor, boolean raiseSeverity) {
    }

    /** {@code articles} (or the country's entry in {@code countries}) relevant articles in one window. */
    public record Threshold(boolean enabled, int articles, Map<String, Integer> countries, double resolveFraction,
                            SeverityBands severity) {
        public Threshold {
            countries = countries == null ? Map.of() : Map.copyOf(new TreeMap<>(countries));
        }

        /** The configured threshold for a country, before any pre-election lowering. */
        public int articlesFor(String country) {
            return countries.getOrDefault(country.toUpperCase(Locale.ROOT), articles);
        }
    }

    /**
     * A count against its own baseline (spike, share, narrative). Fires when the count is at least
     * {@code minCount}, at least {@code minRatio} times the expectation, and its upper-tail probability under
     * the baseline is below {@code pValue}. An open incident counts a closed window as quiet unless it is
     * still elevated: tail probability below {@code resolvePValue} and ratio at least {@code resolveRatio}.
     * {@code minTotal} is used by {@code share} only: the all-countries count below which it stays silent.
     * With {@code horizonWindows} above 1 the sums of the latest 2 … {@code horizonWindows} windows are judged
     * too, each at {@code horizonPValue}. The defaults are 3x what splitting the rule's p-value between the
     * sums would give (spike's one sum at 3e-6, narrative's four at 7.5e-6 each): a spike sum is only tried for
     * a window already at least {@code minRatio} times its own expectation, and measured that way the
     * operations scenarios raise no more false incidents (docs/alerting.md).
     */
    public record Surge(boolean enabled, double pValue, int minCount, double minRatio, @com.fasterxml.jackson.annotation.JsonProperty("resolve_p_value") double resolvePValue,
                        double resolveRatio, int minTotal, Baseline baseline, SeverityBands severity,
                        @com.fasterxml.jackson.annotation.JsonProperty("min_count_p_value") double minCountPValue,
                        int horizonWindows,
                        @com.fasterxml.jackson.annotation.JsonProperty("horizon_p_value") double horizonPValue) {
    }

    /**
     * The feeds' level: every country's expectation is scaled by how all the other countries' articles in
     * the window compare with their own baseline, so that a feed added, removed or broken moves every
     * expectation together instead of paging every country. {@code shrinkArticles} pulls the ratio towards 1
     * when the totals are small (night); {@code min} and {@code max} bound it. The window is pooled with up
     * to {@code poolWindows - 1} windows before it until their expected others reach {@code poolArticles}
     * (shrunk by {@code poolShrinkArticles}), unless the window alone is more than {@code stepZ} Poisson sd
     * from what the pooled level expects of it (a step: then the window alone, shrunk by {@code shrinkArticles},
     * and the pool starts again from it). An open window that starts a new UTC day is judged at the latest level
     * taken as uncertain, a Gamma of shape {@code newDayShape}: the weekly cycle turns at midnight.
     */
    public record Level(boolean enabled, double shrinkArticles, double min, double max, Baseline baseline, int poolWindows,
                        double poolArticles, double poolShrinkArticles, double stepZ, double newDayShape) {
    }

    /**
     * The baseline model of one series: decayed sums per hour of day, pooled with the neighbouring hours
     * ({@code neighbourWeight}), a weak prior of {@code priorWeight} windows at {@code priorRate} (for
     * {@code share}: a prior share over {@code priorWeight} articles of the all-countries total), a
     * half-life in days, and a warm-up: nothing fires before {@code warmupHours} of closed windows.
     */
    public record Baseline(double halfLifeDays, double neighbourWeight, double priorRate, double priorWeight,
                           double warmupHours) {
    }

    /** An (actor, country) pair not seen within {@code lookBackDays}, in at least {@code minArticles} articles. */
    public record NewActor(boolean enabled, int lookBackDays, int minArticles, SeverityBands severity) {
    }

    /**
     * The feeds' coverage watch ({@link SourceCoverage}): a feed silent while P(0) of its expected articles
     * is below {@code pValue} opens a {@code coverage} incident. Feeds expected to send fewer than
     * {@code minDailyArticles} a day are not watched (a domain seen in GDELT once a week says nothing by
     * its silence); at most {@code maxSources} feeds are told apart, per window and in the watch.
     */
    public record Coverage(boolean enabled, double pValue, double minDailyArticles, int maxSources) {
    }

    /** The bundled defaults. */
    public static RulesConfig defaults() {
        return fromTree(defaultTree(), DEFAULT_RESOURCE);
    }

    /** {@code yamlFile} merged over the defaults; any problem is an IllegalArgumentException naming file, field and value. */
    public static RulesConfig load(Path yamlFile) {
        JsonNode user;
        try {
            user = YAML.readTree(Files.readString(yamlFile));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(yamlFile + ": not valid YAML: " + oneLine(e.getOriginalMessage())
                    + location(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(yamlFile + ": cannot read: " + e.getMessage(), e);
        }
        if (user == null || user instanceof NullNode || user.isMissingNode()) {
            return defaults();
        }
        if (!user.isObject()) {
            throw new IllegalArgumentException(yamlFile + ": expected a mapping of rule settings at the top, got "
                    + user.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        ObjectNode merged = defaultTree();
        merge(merged, (ObjectNode) user);
        return fromTree(merged, yamlFile.toString());
    }

    private static ObjectNode defaultTree() {
        try (InputStream in = RulesConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode existing = into.get(f.getKey());
            if (existing instanceof ObjectNode target && f.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(f.getKey(), f.getValue());
            }
        }
    }

    private static RulesConfig fromTree(ObjectNode tree, String file) {
        RulesConfig config;
        try {
            config = YAML.treeToValue(tree, RulesConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(file + ": unknown field " + path(e) + " (known: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                    + ")", e);
        } catch (InvalidFormatException e) {
            throw new IllegalArgumentException(file + ": field " + path(e) + ": cannot read value '" + e.getValue()
                    + "' as " + e.getTargetType().getSimpleName(), e);
        } catch (MismatchedInputException e) {
            String type = e.getTargetType() == null ? "the expected type" : e.getTargetType().getSimpleName();
            JsonNode value = tree.at(pointer(e));
            if (value.isMissingNode() || value.isNull()) {
                throw new IllegalArgumentException(file + ": field " + path(e) + ": is required (" + type + "), got "
                        + (value.isNull() ? "null" : "nothing"), e);
            }
            throw new IllegalArgumentException(file + ": field " + path(e) + ": cannot read value '"
                    + value + "' as " + type, e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage(), e);
        }
        config.validate(file);
        return config;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> "/" + (r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex())))
                .collect(Collectors.joining());
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private void validate(String file) {
        Checker c = new Checker(file);
        c.check(quietWindowsToResolve >= 1, "quiet_windows_to_resolve", quietWindowsToResolve, "must be at least 1");
        c.notNull(preElection, "pre_election");
        c.check(preElection.weeksBefore() >= 0, "pre_election.weeks_before", preElection.weeksBefore(), "must not be negative");
        c.check(preElection.daysAfter() >= 0, "pre_election.days_after", preElection.daysAfter(), "must not be negative");
        c.check(preElection.thresholdFactor() > 0 && preElection.thresholdFactor() <= 1,
                "pre_election.threshold_factor", preElection.thresholdFactor(), "must be in (0, 1]");
        c.notNull(level, "level");
        c.check(level.shrinkArticles() >= 0, "level.shrink_articles", level.shrinkArticles(), "must not be negative");
        c.check(level.min() > 0 && level.min() <= 1, "level.min", level.min(), "must be in (0, 1]");
        c.check(level.max() >= 1, "level.max", level.max(), "must be at least 1");
        c.baseline(level.baseline(), "level.baseline");
        c.check(level.poolWindows() >= 1, "level.pool_windows", level.poolWindows(), "must be at least 1");
        c.check(level.poolArticles() >= 0, "level.pool_articles", level.poolArticles(), "must not be negative");
        c.check(level.poolShrinkArticles() >= 0, "level.pool_shrink_articles", level.poolShrinkArticles(), "must not be negative");
        c.check(level.stepZ() > 0, "level.step_z", level.stepZ(), "must be positive");
        c.check(level.newDayShape() > 0, "level.new_day_shape", level.newDayShape(), "must be positive");
        c.notNull(threshold, "threshold");
        c.check(threshold.articles() >= 1, "threshold.articles", threshold.articles(), "must be at least 1");
        threshold.countries().forEach((country, n) -> {
            c.check(country.matches("[A-Z]{2}"), "threshold.countries." + country, country,
                    "is not an upper-case ISO 3166-1 alpha-2 code");
            c.check(n != null && n >= 1, "threshold.countries." + country, n, "must be at least 1");
        });
        c.check(threshold.resolveFraction() > 0 && threshold.resolveFraction() <= 1, "threshold.resolve_fraction",
                threshold.resolveFraction(), "must be in (0, 1]");
        c.bands(threshold.severity(), "threshold.severity");
        c.surge(spike, "spike");
        c.surge(share, "share");
        c.surge(narrative, "narrative");
        c.notNull(newActor, "new_actor");
        c.check(newActor.lookBackDays() >= 1, "new_actor.look_back_days", newActor.lookBackDays(), "must be at least 1");
        c.check(newActor.minArticles() >= 1, "new_actor.min_articles", newActor.minArticles(), "must be at least 1");
        c.bands(newActor.severity(), "new_actor.severity");
        c.notNull(coverage, "coverage");
        c.check(coverage.pValue() > 0 && coverage.pValue() < 1, "coverage.p_value", coverage.pValue(), "must be in (0, 1)");
        c.check(coverage.minDailyArticles() >= 0, "coverage.min_daily_articles", coverage.minDailyArticles(),
                "must not be negative");
        c.check(coverage.maxSources() >= 1, "coverage.max_sources", coverage.maxSources(), "must be at least 1");
    }

    private record Checker(String file) {
        void check(boolean ok, String field, Object value, String why) {
            if (!ok) {
                throw new IllegalArgumentException(file + ": field " + field + ": " + why + ", got " + value);
            }
        }

        void notNull(Object o, String field) {
            check(o != null, field, "null", "is required");
        }

        void bands(SeverityBands b, String field) {
            notNull(b, field);
            if (b.warning() != null && b.critical() != null) {
                check(b.critical() >= b.warning(), field + ".critical", b.critical(), "must not be below warning ("
                        + b.warning() + ")");
            }
        }

        void surge(Surge s, String name) {
            notNull(s, name);
            check(s.pValue() > 0 && s.pValue() < 1, name + ".p_value", s.pValue(), "must be in (0, 1)");
            check(s.resolvePValue() >= s.pValue() && s.resolvePValue() <= 1, name + ".resolve_p_value",
                    s.resolvePValue(), "must be in [p_value, 1]");
            check(s.minCount() >= 1, name + ".min_count", s.minCount(), "must be at least 1");
            check(s.minRatio() >= 1, name + ".min_ratio", s.minRatio(), "must be at least 1");
            check(s.resolveRatio() >= 1 && s.resolveRatio() <= s.minRatio(), name + ".resolve_ratio",
                    s.resolveRatio(), "must be in [1, min_ratio]");
            check(s.minTotal() >= 0, name + ".min_total", s.minTotal(), "must not be negative");
            check(s.minCountPValue() > 0 && s.minCountPValue() <= s.pValue(), name + ".min_count_p_value",
                    s.minCountPValue(), "must be in (0, p_value]");
            check(s.horizonWindows() >= 1, name + ".horizon_windows", s.horizonWindows(), "must be at least 1");
            check(s.horizonPValue() > 0 && s.horizonPValue() < 1, name + ".horizon_p_value", s.horizonPValue(),
                    "must be in (0, 1)");
            baseline(s.baseline(), name + ".baseline");
            bands(s.severity(), name + ".severity");
        }

        void baseline(Baseline b, String name) {
            notNull(b, name);
            check(b.halfLifeDays() > 0, name + ".half_life_days", b.halfLifeDays(), "must be positive");
            check(b.neighbourWeight() >= 0 && b.neighbourWeight() <= 1, name + ".neighbour_weight",
                    b.neighbourWeight(), "must be in [0, 1]");
            check(b.priorRate() > 0, name + ".prior_rate", b.priorRate(), "must be positive");
            check(b.priorWeight() > 0, name + ".prior_weight", b.priorWeight(), "must be positive");
            check(b.warmupHours() >= 0, name + ".warmup_hours", b.warmupHours(), "must not be negative");
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}

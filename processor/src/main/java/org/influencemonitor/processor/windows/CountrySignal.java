package org.influencemonitor.processor.windows;

import java.time.Instant;

/**
 * What flows from the article side to the by-country side of the topology: either one relevant
 * article's mention of a country, or a clock signal saying event time has reached {@code eventTime}.
 * Clock signals go to every partition, so a partition whose countries are quiet still sees time pass
 * and closes its windows.
 */
public record CountrySignal(Kind kind, String country, String articleId, int mentions, String title, String url,
                            Instant eventTime) {

    public enum Kind { MENTION, CLOCK }

    public static CountrySignal mention(String country, String articleId, int mentions, String title, String url,
                                        Instant eventTime) {
        return new CountrySignal(Kind.MENTION, country, articleId, mentions, title, url, eventTime);
    }

    public static CountrySignal clock(Instant eventTime) {
        return new CountrySignal(Kind.CLOCK, null, null, 0, null, null, eventTime);
    }

    public boolean isClock() {
        return kind == Kind.CLOCK;
    }
}

package org.influencemonitor.processor.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The feeds' level on quiet hours: pooled over the windows before so that a thin evening is read as a whole,
 * and judged alone when the window breaks with them (a step).
 */
class VolumeLevelTest {
    private static final long HOUR = 3600;
    private final RulesConfig.Level defaults = RulesConfig.defaults().level();
    private final RulesConfig.Level unpooled = new RulesConfig.Level(defaults.enabled(), defaults.shrinkArticles(),
            defaults.min(), defaults.max(), defaults.baseline(), 1, defaults.poolArticles(),
            defaults.poolShrinkArticles(), defaults.stepZ(), defaults.newDayShape());

    /** A country of 1 article an hour among others sending 30 an hour by day (6-14 UTC) and 8 otherwise. */
    private static int others(int h, double factor) {
        int hourOfDay = h % 24;
        return (int) Math.round((hourOfDay >= 6 && hourOfDay < 15 ? 30 : 8) * factor);
    }

    /** Ten ordinary days, then {@code tail} windows of others as given; the level of the last one. */
    private static double levelAfter(RulesConfig.Level cfg, int... tail) {
        VolumeLevel level = new VolumeLevel(cfg);
        CountryState s = CountryState.initial("US");
        int h = 0;
        for (; h < 240; h++) {
            s = learn(level, s, h, others(h, 1.0));
        }
        double last = Double.NaN;
        for (int i = 0; i < tail.length; i++, h++) {
            WindowObservation w = Obs.full("US", h, 1, 0, tail[i] + 1, List.of());
            VolumeLevel.Reading reading = level.read(s, w, HOUR);
            last = reading.level();
            s = level.learn(s, w, reading, HOUR);
        }
        return last;
    }

    private static CountryState learn(VolumeLevel level, CountryState s, int h, int others) {
        WindowObservation w = Obs.full("US", h, 1, 0, others + 1, List.of());
        return level.learn(s, w, level.read(s, w, HOUR), HOUR);
    }

    @Test
    void aThinEveningIsReadAsAWholeNotShrunkTowardsOneWindowByWindow() {
        // hours 240-244 are 00:00-04:00 of day 10, quiet hours (their neighbours too), the others at half their usual 8
        int[] halfNight = {4, 4, 4, 4, 4};
        double pooled = levelAfter(defaults, halfNight);
        double alone = levelAfter(unpooled, 4);
        assertTrue(pooled < 0.65, "six quiet windows at half say about half: " + pooled);
        assertTrue(alone > 0.7, "one window of 4 against 8, shrunk by 10, says " + alone);
    }

    @Test
    void aWindowThatBreaksWithThePooledLevelIsJudgedAlone() {
        double step = levelAfter(defaults, 8, 8, 8, 8, 24);   // a feed added: three times the others at once
        assertTrue(step > 1.5, "the step is seen in its first window, not averaged away: " + step);
    }

    @Test
    void afterAStepThePoolStartsAgainFromIt() {
        // a feed added at 04:00 of a quiet night: three times the others, then the same again at 05:00 (expected
        // about 13, next to the busy 06:00). Pooled with the step alone that reads (24 + 24 + 3) / (8 + 13 + 3),
        // about 2.1; pooled with the ordinary windows before the step as well, about 1.5
        double second = levelAfter(defaults, 8, 8, 8, 8, 24, 24);
        assertTrue(second > 1.8, "the windows after a step are pooled with it alone: " + second);
    }
}

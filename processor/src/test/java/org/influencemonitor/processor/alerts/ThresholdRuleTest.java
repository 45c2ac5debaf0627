package org.influencemonitor.processor.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.influencemonitor.model.Alert;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {
    @Test
    void firesFromTheThresholdOnAndTurnsCriticalAtTwiceIt() {
        ThresholdRule rule = new ThresholdRule(10);
        List<Optional<Alert.Severity>> outcomes = List.of(9, 10, 19, 20).stream().map(rule::evaluate).toList();
        assertEquals(List.of(Optional.empty(), Optional.of(Alert.Severity.WARNING), Optional.of(Alert.Severity.WARNING),
                Optional.of(Alert.Severity.CRITICAL)), outcomes);
    }

    @Test
    void aThresholdBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ThresholdRule(0));
    }
}

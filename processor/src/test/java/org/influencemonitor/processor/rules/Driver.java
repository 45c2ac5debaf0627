package org.influencemonitor.processor.rules;

import java.util.ArrayList;
import java.util.List;

/** Drives an engine over one country, keeping its state and all events emitted. */
final class Driver {
    final RuleEngine engine;
    CountryState state;
    final List<AlertEvent> events = new ArrayList<>();

    Driver(RuleEngine engine, String country) {
        this.engine = engine;
        this.state = CountryState.initial(country);
    }

    List<AlertEvent> close(WindowObservation w) {
        RuleEngine.Result r = engine.onWindowClosed(state, w);
        state = r.state();
        events.addAll(r.alerts());
        return r.alerts();
    }

    List<AlertEvent> update(WindowObservation w) {
        RuleEngine.Result r = engine.onWindowUpdate(state, w);
        state = r.state();
        events.addAll(r.alerts());
        return r.alerts();
    }

    List<AlertEvent> of(RuleKind rule) {
        return events.stream().filter(e -> e.rule().equals(rule)).toList();
    }
}

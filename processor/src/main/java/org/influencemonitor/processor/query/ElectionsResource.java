package org.influencemonitor.processor.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.influencemonitor.processor.rules.ElectionCalendar;

/**
 * {@code /elections?country=&from=&to=}: the votes in the processor's election calendar, by date, for
 * marking them on timelines. The calendar is the same on every instance, so whichever is asked answers.
 */
final class ElectionsResource {
    record Elections(List<ElectionCalendar.Election> elections) {
    }

    private final ElectionCalendar calendar;

    ElectionsResource(ElectionCalendar calendar) {
        this.calendar = calendar;
    }

    Reply answer(QueryRequest request) {
        request.allowOnly(Set.of("country", "from", "to"));
        String country = request.params().containsKey("country") ? QueryRequest.country(request.params().get("country")) : null;
        LocalDate from = request.instant("from").map(ElectionsResource::day).orElse(LocalDate.MIN);
        LocalDate to = request.instant("to").map(ElectionsResource::day).orElse(LocalDate.MAX);
        List<ElectionCalendar.Election> found = calendar.elections().stream()
                .filter(e -> country == null || e.country().equals(country))
                .filter(e -> !e.date().isBefore(from) && !e.date().isAfter(to))
                .sorted(java.util.Comparator.comparing(ElectionCalendar.Election::date)
                        .thenComparing(ElectionCalendar.Election::country))
                .toList();
        return Reply.json(new Elections(found));
    }

    private static LocalDate day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}

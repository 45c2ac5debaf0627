package org.influencemonitor.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryRequestTest {
    private static QueryRequest get(String uri) {
        return QueryRequest.of(URI.create(uri), false);
    }

    private static int status(Runnable r) {
        return assertThrows(QueryException.class, r::run).status();
    }

    @Test
    void splitsThePathAndDecodesTheParameters() {
        QueryRequest r = get("/countries/md/counts?from=2024-10-18T14%3A00%3A00Z&to=2024-10-19");
        assertEquals(List.of("countries", "md", "counts"), r.segments());
        assertEquals(Optional.of(Instant.parse("2024-10-18T14:00:00Z")), r.instant("from"));
        assertEquals(Optional.of(Instant.parse("2024-10-19T00:00:00Z")), r.instant("to"), "a date is its midnight UTC");
        assertEquals("/countries/md/counts?from=2024-10-18T14%3A00%3A00Z&to=2024-10-19", r.pathAndQuery(),
                "forwarded exactly as received");
    }

    @Test
    void instantsMayCarryAnOffset() {
        assertEquals(Optional.of(Instant.parse("2024-10-18T12:00:00Z")),
                get("/x?from=2024-10-18T14:00:00%2B02:00").instant("from"));
        assertEquals(Optional.empty(), get("/x").instant("from"));
        assertEquals(400, status(() -> get("/x?from=yesterday").instant("from")));
    }

    @Test
    void boundsBeyondTheYearsOfEventTimeAskForEverythingOnThatSide() {
        assertEquals(Optional.of(Instant.EPOCH), get("/x?from=-999999999-01-01T00:00:00Z").instant("from"));
        assertEquals(Optional.of(Instant.EPOCH), get("/x?from=1900-01-01").instant("from"));
        assertEquals(Optional.of(Instant.parse("9999-12-31T23:59:59Z")), get("/x?to=%2B999999999-12-31T23:59:59Z").instant("to"));
    }

    @Test
    void countryCodesAreTwoLettersUpperCased() {
        assertEquals("MD", QueryRequest.country("md"));
        assertEquals(400, status(() -> QueryRequest.country("MDA")));
        assertEquals(400, status(() -> QueryRequest.country("1D")));
    }

    @Test
    void limitsAreBounded() {
        assertEquals(50, get("/x").limit("limit", 50, 1000));
        assertEquals(7, get("/x?limit=7").limit("limit", 50, 1000));
        assertEquals(400, status(() -> get("/x?limit=0").limit("limit", 50, 1000)));
        assertEquals(400, status(() -> get("/x?limit=1001").limit("limit", 50, 1000)));
        assertEquals(400, status(() -> get("/x?limit=ten").limit("limit", 50, 1000)));
    }

    @Test
    void unknownParametersAreRefused() {
        get("/x?from=2024-10-18").allowOnly(Set.of("from", "to"));
        QueryException e = assertThrows(QueryException.class, () -> get("/x?form=2024-10-18").allowOnly(Set.of("from", "to")));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("form"), e.getMessage());
    }

    @Test
    void countsRefuseAnEmptyRange() {
        CountsResource counts = new CountsResource(new StoreReader(new MapStores()));
        assertEquals(400, status(() -> counts.validate(get("/x?from=2024-10-19&to=2024-10-18"))));
        assertEquals(400, status(() -> counts.validate(get("/x?from=2024-10-18&to=2024-10-18"))));
    }
}

package org.influencemonitor.ingest.gdelt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GDELT writes countries in FIPS 10-4 (Germany is GM, Russia RS, Ukraine UP), the monitor in
 * ISO 3166-1 alpha-2 (DE, RU, UA); the same two letters often mean different countries, so every hint
 * goes through this table ({@code gdelt/fips-10-4-to-iso-3166.csv}) and a code not in it gives none.
 */
public final class FipsCountries {
    private static final Map<String, String> ISO_OF_FIPS = load();

    private FipsCountries() {
    }

    public static Optional<String> iso(String fips) {
        return Optional.ofNullable(ISO_OF_FIPS.get(fips.strip()));
    }

    private static Map<String, String> load() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = FipsCountries.class.getResourceAsStream("/gdelt/fips-10-4-to-iso-3166.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("fips,")) {
                    continue;
                }
                String[] pair = line.split(",");
                map.put(pair[0].strip(), pair[1].strip());
            }
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("the FIPS 10-4 table is missing from this build", e));
        }
        return Map.copyOf(map);
    }
}

package org.influencemonitor.ingest.gdelt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.influencemonitor.ingest.Candidate;

/**
 * One line of a GDELT 2.0 Global Knowledge Graph file (GKG 2.1: 27 tab-separated fields, whatever the
 * {@code .csv} in the name says) as a candidate article: {@code V2DOCUMENTIDENTIFIER} is the URL (or the
 * id, for sources that are not on the web), {@code V2SOURCECOMMONNAME} the source, {@code V2.1DATE} the
 * time, {@code PAGE_TITLE} in {@code V2EXTRASXML} the title, and the countries of
 * {@code V2ENHANCEDLOCATIONS} (or {@code V1LOCATIONS}), mapped from FIPS 10-4, the country hints. GKG
 * carries no text; the tagger reads the title.
 */
public final class GkgRecord {
    public static final int FIELDS = 27;
    private static final int DATE = 1;
    private static final int COLLECTION = 2;
    private static final int SOURCE = 3;
    private static final int DOCUMENT = 4;
    private static final int V1_LOCATIONS = 9;
    private static final int V2_LOCATIONS = 10;
    private static final int EXTRAS = 26;
    /** V2SOURCECOLLECTIONIDENTIFIER 1: the open web, where the document identifier is a URL. */
    private static final String WEB = "1";
    private static final DateTimeFormatter GKG_DATE = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final Pattern PAGE_TITLE = Pattern.compile("<PAGE_TITLE>(.*?)</PAGE_TITLE>", Pattern.DOTALL);

    private GkgRecord() {
    }

    /** The candidate a GKG line describes, or an {@link IllegalArgumentException} saying why it describes none. */
    public static Candidate parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS) {
            throw new IllegalArgumentException("a GKG 2.1 record has " + FIELDS + " tab-separated fields, this one " + f.length);
        }
        Instant published;
        try {
            published = LocalDateTime.parse(f[DATE].strip(), GKG_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("V2.1DATE \"" + excerpt(f[DATE]) + "\" is not a GKG date (YYYYMMDDHHMMSS)");
        }
        String document = f[DOCUMENT].strip();
        boolean web = f[COLLECTION].strip().equals(WEB);
        Matcher title = PAGE_TITLE.matcher(f[EXTRAS]);
        return new Candidate(web ? null : document, web ? document : null, blankToNull(f[SOURCE]),
                title.find() ? title.group(1) : null, null, null, published,
                countries(f[V2_LOCATIONS].isBlank() ? f[V1_LOCATIONS] : f[V2_LOCATIONS]));
    }

    /** The ISO codes of the locations' countries, each once, in the order first named. */
    static List<String> countries(String locations) {
        Set<String> codes = new LinkedHashSet<>();
        for (String location : locations.split(";")) {
            String[] parts = location.split("#", -1);
            if (parts.length > 2 && !parts[2].isBlank()) {
                FipsCountries.iso(parts[2]).ifPresent(codes::add);
            }
        }
        return List.copyOf(codes);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String excerpt(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}

package org.influencemonitor.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.influencemonitor.model.Json;

/** The top-level fields in which two JSON objects differ, as {@code field: fault-free → this run}, values cut short. */
final class FieldDiff {
    private static final int MAX_VALUE = 100;

    private FieldDiff() {
    }

    static String of(String reference, String run) {
        try {
            JsonNode a = Json.mapper().readTree(reference);
            JsonNode b = Json.mapper().readTree(run);
            Set<String> fields = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(fields::add);
            b.fieldNames().forEachRemaining(fields::add);
            List<String> out = new ArrayList<>();
            for (String f : fields) {
                if (!a.path(f).equals(b.path(f))) {
                    out.add(f + ": " + cut(a.path(f)) + " → " + cut(b.path(f)));
                }
            }
            return String.join("; ", out);
        } catch (IOException e) {
            return "not JSON";
        }
    }

    private static String cut(JsonNode value) {
        String s = value.isMissingNode() ? "(absent)" : value.toString();
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE) + "…";
    }
}

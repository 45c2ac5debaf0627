package org.influencemonitor.app.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One topic of a run set against the same topic of the fault-free run, record identity by record
 * identity: expected (distinct keys in the reference), delivered (of those, present), lost (absent),
 * duplicated (copies beyond the first of any key), differing (present with other content than the
 * reference's, or present and not in the reference at all). {@code examples} shows the first few
 * differences, reference first, so a failing table says what differed.
 */
record Comparison(int expected, int delivered, int lost, int duplicated, int differing, List<String> examples) {
    private static final int EXAMPLES = 3;

    static Comparison of(List<RunOutput.Keyed> reference, List<RunOutput.Keyed> run) {
        Map<String, String> expected = new LinkedHashMap<>();
        reference.forEach(r -> expected.putIfAbsent(r.key(), r.content()));
        Map<String, Integer> copies = new HashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        int differing = 0;
        List<String> examples = new ArrayList<>();
        for (RunOutput.Keyed r : run) {
            if (copies.merge(r.key(), 1, Integer::sum) > 1) {
                continue;
            }
            seen.put(r.key(), r.content());
            String want = expected.get(r.key());
            if (want == null || !want.equals(r.content())) {
                differing++;
                if (examples.size() < EXAMPLES) {
                    examples.add(r.key() + (want == null ? ": not in the fault-free run" : ": " + FieldDiff.of(want, r.content())));
                }
            }
        }
        int delivered = (int) expected.keySet().stream().filter(seen::containsKey).count();
        expected.keySet().stream().filter(k -> !seen.containsKey(k)).limit(EXAMPLES)
                .forEach(k -> examples.add(k + ": lost"));
        int duplicated = copies.values().stream().mapToInt(n -> n - 1).sum();
        return new Comparison(expected.size(), delivered, expected.size() - delivered, duplicated, differing,
                List.copyOf(examples));
    }

    boolean clean() {
        return lost == 0 && duplicated == 0 && differing == 0;
    }
}

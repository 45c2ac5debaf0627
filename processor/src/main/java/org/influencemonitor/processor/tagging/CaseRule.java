package org.influencemonitor.processor.tagging;

/** How much the original letter case must agree with a surface form; matching itself is case-folded. */
enum CaseRule {
    /** Any case: election terms, demonyms in languages that write them in lower case. */
    ANY,
    /** First letter upper case: proper names, so "turkey", "china", "polish", "chad" stay words. */
    INITIAL,
    /** Exactly as written: abbreviations such as "US", "RT", "FSB" (so "us" is a pronoun). */
    EXACT
}

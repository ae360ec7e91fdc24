package org.tongjie.search;

/**
 * The tunable part of relevance ranking: a gentle prior for widely held titles, added to the text score
 * as {@code weight · n / (n + pivot)} where n is the number of member libraries holding the record. With
 * the default a record held by six members gains 0.42 over one held by a single member: enough to order
 * near-ties (the volumes of a set, editions of one title), far below the exact-title boost. BENCHMARKS.md
 * ("Search quality") shows the judged queries score the same at every weight from 0 to 16.
 */
public record Ranking(float widelyHeldWeight, float widelyHeldPivot) {
    public static final Ranking DEFAULT = new Ranking(1f, 2f);
    /** Text relevance alone. */
    public static final Ranking TEXT_ONLY = new Ranking(0f, 2f);

    public Ranking {
        if (widelyHeldWeight < 0 || !(widelyHeldPivot > 0)) {
            throw new IllegalArgumentException("the widely-held prior needs weight >= 0 and pivot > 0, were "
                    + widelyHeldWeight + " and " + widelyHeldPivot);
        }
    }
}

package org.tongjie.dedup;

import java.util.Collections;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.tongjie.catalog.BibRecord;

/**
 * Decides whether two records describe the same edition, as a pipeline of explainable steps: vetoes
 * first (a wrong merge hides a book from readers, so any sign of a different edition, volume, format or
 * series number keeps records apart), then identifiers (ISBN, ISSN, then LCCN, national bibliography and
 * 035 system numbers), then title + author + year from one publisher where no identifier decides.
 */
final class Matcher {
    /** Page counts further apart than this share of the larger, and than {@link #PAGE_SLACK}, veto. */
    static final double PAGE_RATIO = 0.1;
    static final int PAGE_SLACK = 20;

    private static final String ISBN = "isbn";
    private static final String ISSN = "issn";
    private static final String SYSTEM_NUMBER = "system-number";
    private static final String TITLE_AUTHOR_YEAR = "title-author-year";

    private Matcher() {}

    public static MatchDecision compare(BibRecord a, BibRecord b) {
        return compare(MatchKeys.of(a), MatchKeys.of(b));
    }

    static MatchDecision compare(MatchKeys x, MatchKeys y) {
        Optional<String> veto = veto(x, y);
        if (veto.isPresent()) {
            return MatchDecision.vetoed(veto.get());
        }
        if (intersect(x.isbns(), y.isbns())) {
            return MatchDecision.joinedBy(ISBN);
        }
        if (intersect(x.issns(), y.issns())) {
            return MatchDecision.joinedBy(ISSN);
        }
        // A reissue by another publisher can carry the original's LCCN: the number alone does not decide.
        if (intersect(x.systemNumbers(), y.systemNumbers()) && !otherPublishers(x, y)) {
            return MatchDecision.joinedBy(SYSTEM_NUMBER);
        }
        if (!x.isbns().isEmpty() && !y.isbns().isEmpty()) {
            return MatchDecision.vetoed("different ISBNs");
        }
        if (!intersect(x.titles(), y.titles()) || x.years().isEmpty() || y.years().isEmpty() || otherPublishers(x, y)) {
            return MatchDecision.noEvidence();
        }
        return intersect(x.authors(), y.authors()) ? MatchDecision.joinedBy(TITLE_AUTHOR_YEAR) : MatchDecision.noEvidence();
    }

    /** A reprint matches its original's year as well as its own. */
    private static boolean yearsWithinOne(Set<Integer> xs, Set<Integer> ys) {
        return xs.stream().anyMatch(x -> ys.stream().anyMatch(y -> Math.abs(x - y) <= 1));
    }

    private static Optional<String> veto(MatchKeys x, MatchKeys y) {
        if (x.format() != y.format()) {
            return Optional.of("different formats: " + x.format() + " and " + y.format());
        }
        if (differ(x.edition(), y.edition())) {
            return Optional.of("different editions: " + x.edition().get() + " and " + y.edition().get());
        }
        if (differ(x.volume(), y.volume())) {
            return Optional.of("different volumes: " + x.volume().get() + " and " + y.volume().get());
        }
        if (x.volume().isPresent() != y.volume().isPresent()) {
            return Optional.of("one volume and a description without a volume");
        }
        if (!x.years().isEmpty() && !y.years().isEmpty() && !yearsWithinOne(x.years(), y.years())) {
            return Optional.of("years more than one apart: " + x.years() + " and " + y.years());
        }
        if (pagesTooFarApart(x.pages(), y.pages())) {
            return Optional.of("page counts too far apart: " + x.pages().getAsInt() + " and " + y.pages().getAsInt());
        }
        for (var series : x.seriesNumbers().entrySet()) {
            Integer other = y.seriesNumbers().get(series.getKey());
            if (other != null && !other.equals(series.getValue())) {
                return Optional.of("different numbers in one series: " + series.getValue() + " and " + other);
            }
        }
        return Optional.empty();
    }

    /**
     * Without an ISBN or ISSN, two publishers' books of one title, author and year are co-editions
     * (Gramercy and Avenel, a film studio's reels and its home-video disc): different editions. Publisher
     * names compare by containment, since one cataloguer writes more of a name than another; where either
     * record names no publisher the title, author and year decide alone.
     */
    private static boolean otherPublishers(MatchKeys x, MatchKeys y) {
        if (x.publisher().isEmpty() || y.publisher().isEmpty()) {
            return false;
        }
        String a = x.publisher().get();
        String b = y.publisher().get();
        return !a.contains(b) && !b.contains(a);
    }

    private static boolean differ(Optional<Integer> a, Optional<Integer> b) {
        return a.isPresent() && b.isPresent() && !a.get().equals(b.get());
    }

    private static boolean pagesTooFarApart(OptionalInt a, OptionalInt b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        int diff = Math.abs(a.getAsInt() - b.getAsInt());
        return diff > PAGE_SLACK && diff > PAGE_RATIO * Math.max(a.getAsInt(), b.getAsInt());
    }

    private static boolean intersect(Set<String> a, Set<String> b) {
        return !Collections.disjoint(a, b);
    }
}

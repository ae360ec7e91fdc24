package org.tongjie.dedup;

import java.util.Collections;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.tongjie.catalog.BibRecord;

/**
 * Decides whether two records describe the same edition, as a pipeline of explainable steps: vetoes
 * first (a wrong merge hides a book from readers, so any sign of a different edition, volume or format
 * keeps records apart), then identifiers, then title + author + year where no identifier decides.
 */
public final class Matcher {
    /** Page counts further apart than this share of the larger, and than {@link #PAGE_SLACK}, veto. */
    static final double PAGE_RATIO = 0.1;
    static final int PAGE_SLACK = 20;

    private Matcher() {}

    public static MatchDecision compare(BibRecord a, BibRecord b) {
        var x = MatchKeys.of(a);
        var y = MatchKeys.of(b);
        Optional<String> veto = veto(x, y);
        if (veto.isPresent()) {
            return MatchDecision.vetoed(veto.get());
        }
        if (intersect(x.isbns(), y.isbns())) {
            return MatchDecision.joinedBy("isbn");
        }
        if (intersect(x.issns(), y.issns())) {
            return MatchDecision.joinedBy("issn");
        }
        if (!x.isbns().isEmpty() && !y.isbns().isEmpty()) {
            return MatchDecision.vetoed("different ISBNs");
        }
        if (intersect(x.titles(), y.titles()) && intersect(x.authors(), y.authors())
                && x.year().isPresent() && y.year().isPresent()) {
            return MatchDecision.joinedBy("title-author-year");
        }
        return MatchDecision.noEvidence();
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
        if (x.year().isPresent() && y.year().isPresent() && Math.abs(x.year().getAsInt() - y.year().getAsInt()) > 1) {
            return Optional.of("years more than one apart: " + x.year().getAsInt() + " and " + y.year().getAsInt());
        }
        if (pagesTooFarApart(x.pages(), y.pages())) {
            return Optional.of("page counts too far apart: " + x.pages().getAsInt() + " and " + y.pages().getAsInt());
        }
        return Optional.empty();
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

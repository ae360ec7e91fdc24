package org.tongjie.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One edition as the union catalogue shows it: the description of its most complete source record, every
 * member library's copies, and the source records that joined, each with the rule that joined it (the
 * first member joined nothing).
 */
public record UnionRecord(String id, BibRecord description, List<Member> members, List<Holding> holdings) {

    /** A source record in the union record, and why it is there. */
    public record Member(String recordId, String libraryId, String localId, MarcProfile profile, String title,
            Optional<String> rule, Optional<String> matchedWith) {
        public Member {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(matchedWith, "matchedWith");
        }

        static Member of(BibRecord r, Optional<String> rule, Optional<String> matchedWith) {
            return new Member(r.id(), r.libraryId(), r.localId(), r.profile(), r.displayTitle(), rule, matchedWith);
        }
    }

    public UnionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        members = List.copyOf(members);
        holdings = List.copyOf(holdings);
    }

    /** A record that matched no other: its own union record. */
    public static UnionRecord single(BibRecord r) {
        return new UnionRecord(r.id(), r, List.of(Member.of(r, Optional.empty(), Optional.empty())), r.holdings());
    }

    /**
     * The union of source records already found to be one edition, given with how each joined, in joining
     * order. The copies are listed library by library.
     */
    public static UnionRecord of(String id, List<Joined> joined) {
        List<BibRecord> sources = joined.stream().map(Joined::record).toList();
        BibRecord best = sources.stream().max(Comparator.comparingInt(UnionRecord::completeness)
                .thenComparing(BibRecord::id, Comparator.reverseOrder())).orElseThrow();
        var members = joined.stream().map(j -> Member.of(j.record(), j.rule(), j.matchedWith())).toList();
        var holdings = sources.stream().sorted(Comparator.comparing(BibRecord::libraryId))
                .flatMap(r -> r.holdings().stream()).toList();
        return new UnionRecord(id, best, members, holdings);
    }

    /**
     * The same union record with each copy's status as {@code status} has it now (interlibrary loan knows
     * copies the member's own system still shows on the shelf: promised, in transit, lent).
     */
    public UnionRecord withStatuses(java.util.function.Function<Holding, HoldingStatus> status) {
        var now = holdings.stream().map(h -> new Holding(h.libraryId(), h.servicePoint(), h.location(), h.collection(),
                h.callNumber(), h.barcode(), status.apply(h), h.loanType())).toList();
        return new UnionRecord(id, description, members, now);
    }

    /** A source record and how it joined its union record. */
    public record Joined(BibRecord record, Optional<String> rule, Optional<String> matchedWith) {}

    /** The member libraries that hold this edition, in the order their records joined. */
    public List<String> libraries() {
        return members.stream().map(Member::libraryId).distinct().toList();
    }

    /**
     * How much a record tells a reader: one point per kind of information it carries. The most complete
     * record describes the union record; ties go to the smallest record id, so the choice is stable.
     */
    static int completeness(BibRecord r) {
        int score = 0;
        score += r.isbns().isEmpty() ? 0 : 1;
        score += r.authors().isEmpty() ? 0 : 1;
        score += r.subjects().isEmpty() ? 0 : 1;
        score += r.series().isEmpty() ? 0 : 1;
        score += r.publisher().isPresent() ? 1 : 0;
        score += r.year().isPresent() ? 1 : 0;
        score += r.extent().isPresent() ? 1 : 0;
        score += r.edition().isPresent() ? 1 : 0;
        score += r.language().isPresent() ? 1 : 0;
        score += r.titlePinyin().isPresent() ? 1 : 0;
        Classification c = r.classification();
        score += c.clc().isEmpty() && c.lc().isEmpty() && c.dewey().isEmpty() ? 0 : 1;
        return score;
    }
}

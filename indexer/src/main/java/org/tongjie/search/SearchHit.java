package org.tongjie.search;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Coordinates;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.HoldingStatus;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.MaterialFormat;
import org.tongjie.catalog.UnionRecord;

/**
 * One result as the API shows it: a union record, the member libraries holding it and how many source
 * records it joins, with its copies summed up per service point ("2 of 3 on the shelf at the Lujia
 * branch") and per library (nearest first when the reader said where they are), beside the copies
 * themselves, and the words that matched, highlighted.
 */
public record SearchHit(
        String id,
        List<String> libraries,
        int sourceRecords,
        String title,
        Optional<String> volume,
        List<String> authors,
        OptionalInt year,
        List<String> isbns,
        Optional<String> publisher,
        MaterialFormat format,
        List<Availability> availability,
        List<LibraryHoldings> libraryHoldings,
        Optional<Highlights> highlights,
        List<Holding> holdings) {

    /** Copies at one service point, and how many of them can be borrowed now. */
    public record Availability(String servicePoint, int copies, int available) {}

    /**
     * A member library's copies ("3 of 5 copies on shelf"), its name from the directory, and how far it is
     * from the reader in kilometres when the reader gave a position and the library has one.
     */
    public record LibraryHoldings(String library, Optional<String> name, int copies, int onShelf, OptionalDouble distanceKm) {}

    /**
     * The matched words marked {@code <mark>…</mark>} in the best title, authors and subjects, the rest of the
     * text HTML-escaped, so a page may insert them as HTML. Pinyin and ISBN matches have nothing to mark.
     */
    public record Highlights(Optional<String> title, List<String> authors, List<String> subjects) {}

    /** The hit for a union record: its description, the libraries holding it, its copies summed up. */
    public static SearchHit of(UnionRecord u) {
        BibRecord r = u.description();
        return new SearchHit(u.id(), u.libraries(), u.members().size(), r.displayTitle(), r.volume(), r.authors(),
                r.year(), r.isbns(), r.publisher(), r.format(), availability(u.holdings()),
                byLibrary(u), Optional.empty(), u.holdings());
    }

    public SearchHit withHighlights(Optional<Highlights> h) {
        return new SearchHit(id, libraries, sourceRecords, title, volume, authors, year, isbns, publisher, format,
                availability, libraryHoldings, h, holdings);
    }

    /** The same hit with the libraries named from the directory and, from {@code near}, nearest first. */
    public SearchHit withLibraries(Map<String, Library> directory, Optional<Coordinates> near) {
        var summary = new ArrayList<LibraryHoldings>();
        for (LibraryHoldings l : libraryHoldings) {
            Optional<Library> library = Optional.ofNullable(directory.get(l.library()));
            OptionalDouble km = near.isEmpty() ? OptionalDouble.empty() : distance(near.get(), l.library(), directory);
            summary.add(new LibraryHoldings(l.library(), library.map(Library::nameZh), l.copies(), l.onShelf(), km));
        }
        summary.sort(ORDER);
        return new SearchHit(id, libraries, sourceRecords, title, volume, authors, year, isbns, publisher, format,
                availability, summary, highlights, holdings);
    }

    /**
     * The same hit with each copy's status as {@code status} has it now (interlibrary loan knows copies the
     * catalogue still shows on the shelf: promised, in transit, lent), recounted per service point and library.
     */
    public SearchHit withStatuses(java.util.function.Function<Holding, HoldingStatus> status) {
        var now = holdings.stream().map(h -> new Holding(h.libraryId(), h.servicePoint(), h.location(), h.collection(),
                h.callNumber(), h.barcode(), status.apply(h), h.loanType())).toList();
        var summary = new ArrayList<LibraryHoldings>();
        for (LibraryHoldings l : libraryHoldings) {
            int onShelf = (int) now.stream().filter(h -> h.libraryId().equals(l.library()) && h.status() == HoldingStatus.AVAILABLE).count();
            summary.add(new LibraryHoldings(l.library(), l.name(), l.copies(), onShelf, l.distanceKm()));
        }
        summary.sort(ORDER);
        return new SearchHit(id, libraries, sourceRecords, title, volume, authors, year, isbns, publisher, format,
                availability(now), summary, highlights, now);
    }

    /** Nearest first (libraries without a place last), then the most copies on the shelf. */
    private static final Comparator<LibraryHoldings> ORDER = Comparator
            .<LibraryHoldings>comparingDouble(l -> l.distanceKm().orElse(Double.MAX_VALUE))
            .thenComparing(Comparator.comparingInt(LibraryHoldings::onShelf).reversed())
            .thenComparing(Comparator.comparingInt(LibraryHoldings::copies).reversed())
            .thenComparing(LibraryHoldings::library);

    /** To the nearest of the library's copies: each at its service point if the directory knows it, else at the library. */
    private OptionalDouble distance(Coordinates from, String libraryId, Map<String, Library> directory) {
        Optional<Coordinates> own = Optional.ofNullable(directory.get(libraryId)).flatMap(Library::coordinates);
        var places = new ArrayList<Coordinates>();
        holdings.stream().filter(h -> h.libraryId().equals(libraryId)).forEach(h -> Optional.ofNullable(directory.get(h.servicePoint()))
                .flatMap(Library::coordinates).or(() -> own).ifPresent(places::add));
        if (places.isEmpty()) {
            own.ifPresent(places::add);
        }
        return places.stream().mapToDouble(p -> from.kilometresTo(p)).min();
    }

    private static List<LibraryHoldings> byLibrary(UnionRecord u) {
        var counts = new LinkedHashMap<String, int[]>();
        u.libraries().forEach(l -> counts.put(l, new int[2]));
        for (Holding h : u.holdings()) {
            int[] c = counts.computeIfAbsent(h.libraryId(), l -> new int[2]);
            c[0]++;
            if (h.status() == HoldingStatus.AVAILABLE) {
                c[1]++;
            }
        }
        var out = new ArrayList<LibraryHoldings>();
        counts.forEach((library, c) -> out.add(new LibraryHoldings(library, Optional.empty(), c[0], c[1], OptionalDouble.empty())));
        out.sort(ORDER);
        return out;
    }

    private static List<Availability> availability(List<Holding> holdings) {
        var byPoint = new LinkedHashMap<String, int[]>();
        for (Holding h : holdings) {
            int[] counts = byPoint.computeIfAbsent(h.servicePoint(), p -> new int[2]);
            counts[0]++;
            if (h.status() == HoldingStatus.AVAILABLE) {
                counts[1]++;
            }
        }
        var out = new ArrayList<Availability>();
        byPoint.forEach((point, counts) -> out.add(new Availability(point, counts[0], counts[1])));
        return out;
    }
}

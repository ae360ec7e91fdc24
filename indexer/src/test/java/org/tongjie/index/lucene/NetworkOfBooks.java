package org.tongjie.index.lucene;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Coordinates;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;
import org.tongjie.testing.Fixtures;

/**
 * The 37 real Chinese books held across a small network: every book by a library in Beijing ("far"),
 * every other book (the 2nd, 4th…) by a Kunshan branch ("near") as well, and the first volume of 三体 also
 * by a third library, so some books are more widely held than others and nearer to a Kunshan reader.
 */
final class NetworkOfBooks {
    static final Coordinates KUNSHAN = new Coordinates(31.3847, 120.98);
    static final Coordinates BEIJING = new Coordinates(39.9042, 116.4074);
    static final Map<String, Library> DIRECTORY = Map.of(
            "near", library("near", KUNSHAN),
            "far", library("far", BEIJING),
            "third", library("third", BEIJING));
    /** The 三体 volume the third library holds too. */
    static final String WIDELY_HELD_ISBN = "9787536692930";

    private NetworkOfBooks() {}

    private static Library library(String id, Coordinates place) {
        return new Library(id, id + "馆", id, LibraryKind.BRANCH, Optional.empty(), "", Optional.of(place));
    }

    /** Each book's union record; the ones the near library holds come at odd positions. */
    static List<UnionRecord> index(CatalogIndex index) throws IOException {
        var far = books("far");
        var near = books("near");
        var third = books("third");
        var unions = new ArrayList<UnionRecord>();
        for (int i = 0; i < far.size(); i++) {
            var joined = new ArrayList<UnionRecord.Joined>();
            joined.add(new UnionRecord.Joined(far.get(i), Optional.empty(), Optional.empty()));
            if (i % 2 == 1) {
                joined.add(new UnionRecord.Joined(near.get(i), Optional.of("isbn"), Optional.of(far.get(i).id())));
            }
            if (far.get(i).isbns().contains(WIDELY_HELD_ISBN)) {
                joined.add(new UnionRecord.Joined(third.get(i), Optional.of("isbn"), Optional.of(far.get(i).id())));
            }
            var union = UnionRecord.of("u" + i, joined);
            index.put(union, joined.stream().map(UnionRecord.Joined::record).toList(), DIRECTORY);
            unions.add(union);
        }
        index.commit(1);
        return unions;
    }

    static List<BibRecord> books(String libraryId) throws IOException {
        var records = new ArrayList<BibRecord>();
        try (InputStream in = Files.newInputStream(Fixtures.cnmarcChineseBooks()); var source = MarcSource.open(in)) {
            source.forEachRemaining(entry -> {
                if (entry instanceof MarcEntry.Parsed parsed) {
                    Normalizer.normalize(libraryId, parsed).ifPresent(records::add);
                }
            });
        }
        return records;
    }
}

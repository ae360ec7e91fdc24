package org.tongjie.index.lucene;

import org.tongjie.search.FieldValues;
import org.tongjie.text.Pinyin;
import org.tongjie.text.SimplifiedChinese;
import static org.tongjie.index.lucene.CatalogIndex.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Coordinates;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.UnionRecord;

/** The Lucene document of a union record; field types chosen on purpose, each with its reason. */
final class UnionDocument {
    /** No two titles need more than this to be told apart in order. */
    private static final int MAX_SORT_KEY = 256;
    /** Text the highlighter marks: stored, and its words' offsets in the postings. */
    private static final FieldType HIGHLIGHTED = highlighted();

    private UnionDocument() {}

    private static FieldType highlighted() {
        var type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /**
     * Readers search every source's titles, authors and subjects, so a book catalogued in CNMARC by one
     * library and in MARC21 by another is found by either's words. The directory gives the holders' kinds
     * (a facet) and places (the nearest sort).
     */
    static Document of(UnionRecord union, List<BibRecord> sources, Map<String, Library> directory) {
        var doc = new Document();
        // Exact ids: the union record's, and each source record's so a change to one finds its union record.
        key(doc, ID, union.id(), Field.Store.YES);
        // Doc values, not stored: the Z39.50 server reads the id of every hit it can present.
        doc.add(new SortedDocValuesField(BEST, new BytesRef(IndexKeys.exact(union.description().id()))));
        for (BibRecord r : sources) {
            key(doc, MEMBER, r.id(), Field.Store.YES);
            key(doc, LOCAL_ID, r.localId(), Field.Store.NO);
        }
        union.libraries().forEach(l -> key(doc, LIBRARY, l, Field.Store.NO));
        // Titles, authors and subjects are stored, with offsets in the postings: the highlighter reads them
        // back and marks the matches where the index says they are, without analysing them again.
        text(doc, TITLE, sources, BibRecord::titles, Field.Store.YES);
        // A volume's own title (三体 Ⅲ 死神永生) is how readers ask for that volume.
        text(doc, TITLE, sources, r -> r.volume().stream().toList(), Field.Store.YES);
        text(doc, AUTHOR, sources, BibRecord::authors, Field.Store.YES);
        text(doc, SUBJECT, sources, BibRecord::subjects, Field.Store.YES);
        text(doc, PUBLISHER, sources, r -> r.publisher().stream().toList(), Field.Store.NO);
        distinct(sources, BibRecord::isbns).forEach(i -> key(doc, ISBN, i, Field.Store.NO));
        distinct(sources, BibRecord::issns).forEach(i -> key(doc, ISSN, i, Field.Store.NO));
        // Class numbers whole, so clc:I24 is a prefix of I247.5.
        distinct(sources, r -> r.classification().clc()).stream().map(FieldValues::clcKey).filter(c -> !c.isEmpty())
                .forEach(c -> key(doc, CLC, c, Field.Store.NO));
        // Points for year:1990-2000 and doc values for the year sort, in one field.
        union.description().year().ifPresent(y -> doc.add(new IntField(YEAR, y, Field.Store.NO)));
        doc.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(titleSortKey(union.description()))));
        union.description().authors().stream().findFirst().ifPresent(author -> doc.add(
                new SortedDocValuesField(AUTHOR_SORT, new BytesRef(IndexKeys.cut(String.join(" ", Pinyin.of(author)), MAX_SORT_KEY)))));
        distinct(sources, BibRecord::titles).forEach(t -> key(doc, TITLE_EXACT, ExactTitle.key(t), Field.Store.NO));
        addPinyin(doc, sources);
        distinct(sources, UnionDocument::allText).forEach(t -> doc.add(new TextField(ALL, t, Field.Store.NO)));
        // How many members hold it: the widely-held prior of relevance ranking. A feature must be positive.
        doc.add(new FeatureField(FEATURES, HOLDERS, Math.max(1, union.libraries().size())));
        places(union, directory).forEach(c -> doc.add(new LatLonDocValuesField(PLACE, c.latitude(), c.longitude())));
        Suggestions.addTo(doc, distinct(sources, BibRecord::titles), distinct(sources, BibRecord::authors));
        doc.add(new StoredField(RECORD, RecordJson.write(union)));
        FacetFields.addTo(doc, union, sources, kinds(union, directory));
        return doc;
    }

    private static Set<LibraryKind> kinds(UnionRecord union, Map<String, Library> directory) {
        return union.libraries().stream().map(directory::get).filter(l -> l != null)
                .map(Library::kind).collect(Collectors.toSet());
    }

    /** Where its copies are: each copy's service point when the directory knows it, else its library. */
    private static Set<Coordinates> places(UnionRecord union, Map<String, Library> directory) {
        var places = new LinkedHashSet<Coordinates>();
        for (Holding h : union.holdings()) {
            place(directory, h.servicePoint()).or(() -> place(directory, h.libraryId())).ifPresent(places::add);
        }
        if (places.isEmpty()) {
            union.libraries().forEach(l -> place(directory, l).ifPresent(places::add));
        }
        return places;
    }

    private static Optional<Coordinates> place(Map<String, Library> directory, String id) {
        return Optional.ofNullable(directory.get(id)).flatMap(Library::coordinates);
    }

    /**
     * The title as pinyin syllables for the title sort, so Chinese titles fall among Latin ones by their
     * sound: the cataloguer's pinyin where the record has it, else the generated reading.
     */
    static String titleSortKey(BibRecord r) {
        String title = r.displayTitle();
        List<String> syllables = SimplifiedChinese.hasHan(title) && r.titlePinyin().isPresent()
                ? Pinyin.ofCatalogued(r.titlePinyin().get()) : Pinyin.of(title);
        String key = String.join(" ", syllables);
        return IndexKeys.cut(key, MAX_SORT_KEY);
    }

    /**
     * A key indexed whole, within Lucene's term limit ({@link IndexKeys#exact}); a stored value is kept as it
     * is, since readers of the stored field (the index's own co-members) need the real id.
     */
    private static void key(Document doc, String field, String value, Field.Store store) {
        String key = IndexKeys.exact(value);
        if (store == Field.Store.YES && !key.equals(value)) {
            doc.add(new StringField(field, key, Field.Store.NO));
            doc.add(new StoredField(field, value));
        } else {
            doc.add(new StringField(field, key, store));
        }
    }

    private static void text(Document doc, String field, List<BibRecord> sources, Function<BibRecord, List<String>> values,
            Field.Store store) {
        distinct(sources, values).forEach(v -> doc.add(store == Field.Store.YES
                ? new Field(field, v, HIGHLIGHTED) : new TextField(field, v, store)));
    }

    private static Set<String> distinct(List<BibRecord> sources, Function<BibRecord, List<String>> values) {
        var out = new LinkedHashSet<String>();
        sources.forEach(r -> out.addAll(values.apply(r)));
        return out;
    }

    /** Pinyin syllables of titles and authors ("hong lou meng"), and their initials ("hlm") as one exact term. */
    private static void addPinyin(Document doc, List<BibRecord> sources) {
        var titleReadings = new LinkedHashSet<List<String>>();
        var authorReadings = new LinkedHashSet<List<String>>();
        for (BibRecord r : sources) {
            titleReadings.addAll(titlePinyin(r));
            r.authors().stream().filter(SimplifiedChinese::hasHan).map(Pinyin::of).forEach(authorReadings::add);
        }
        addPinyin(doc, titleReadings, TITLE_PINYIN, TITLE_INITIALS);
        addPinyin(doc, authorReadings, AUTHOR_PINYIN, AUTHOR_INITIALS);
    }

    /**
     * The cataloguer's pinyin of the title proper (CNMARC 200$A) where there is one, since it gets the
     * polyphones right; otherwise, and for the other titles, the generated reading.
     */
    private static List<List<String>> titlePinyin(BibRecord r) {
        var pinyin = new ArrayList<List<String>>();
        var titles = r.titles().stream().filter(SimplifiedChinese::hasHan).toList();
        for (int i = 0; i < titles.size(); i++) {
            boolean catalogued = i == 0 && r.titlePinyin().isPresent();
            pinyin.add(catalogued ? Pinyin.ofCatalogued(r.titlePinyin().get()) : Pinyin.of(titles.get(i)));
        }
        return pinyin;
    }

    private static void addPinyin(Document doc, Set<List<String>> readings, String syllablesField, String initialsField) {
        for (var syllables : readings) {
            if (!syllables.isEmpty()) {
                doc.add(new TextField(syllablesField, String.join(" ", syllables), Field.Store.NO));
                key(doc, initialsField, Pinyin.initials(syllables), Field.Store.NO);
            }
        }
    }

    private static List<String> allText(BibRecord r) {
        var all = new ArrayList<String>();
        all.addAll(r.titles());
        all.addAll(r.authors());
        all.addAll(r.subjects());
        all.addAll(r.series());
        r.publisher().ifPresent(all::add);
        all.addAll(r.isbns());
        all.addAll(r.classification().lc());
        all.addAll(r.classification().dewey());
        all.addAll(r.classification().clc());
        r.edition().ifPresent(all::add);
        return all;
    }
}

package org.tongjie.api.sru;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tongjie.query.CatalogQuery.Index;

/**
 * The CQL indexes the hub answers, by context set, and what each searches. Explain lists exactly these, and
 * {@link CqlQueries} accepts exactly these: one table, so the two cannot disagree.
 */
final class CqlIndexes {
    private CqlIndexes() {}

    /** A context set: its usual prefix and its identifier. */
    record ContextSet(String prefix, String identifier) {}

    /** A CQL index (prefix.name), its title for explain, and the indexes of ours it searches (any of them). */
    record CqlIndex(ContextSet set, String name, String title, List<Index> indexes) {
        CqlIndex(ContextSet set, String name, String title, Index index) {
            this(set, name, title, List.of(index));
        }

        CqlIndex {
            indexes = List.copyOf(indexes);
        }

        String qualified() {
            return set.prefix() + "." + name;
        }
    }

    static final ContextSet CQL = new ContextSet("cql", "info:srw/cql-context-set/1/cql-v1.2");
    static final ContextSet DC = new ContextSet("dc", "info:srw/cql-context-set/1/dc-v1.1");
    static final ContextSet BATH = new ContextSet("bath", "http://zing.z3950.org/cql/bath/2.0/");
    static final ContextSet REC = new ContextSet("rec", "info:srw/cql-context-set/2/rec-1.1");
    static final ContextSet TONGJIE = new ContextSet("tongjie", "info:tongjie/cql-context-set/1");
    static final List<ContextSet> SETS = List.of(CQL, DC, BATH, REC, TONGJIE);
    /** Unprefixed index names ({@code title=…}) are Dublin Core's. */
    static final ContextSet DEFAULT_SET = DC;

    static final List<CqlIndex> ALL = List.of(
            new CqlIndex(CQL, "serverChoice", "any word of the record", Index.ANY),
            new CqlIndex(CQL, "anywhere", "any word of the record", Index.ANY),
            new CqlIndex(CQL, "allRecords", "every record (the term is not looked at)", Index.ALL_RECORDS),
            new CqlIndex(DC, "title", "title", Index.TITLE),
            new CqlIndex(DC, "creator", "author", Index.AUTHOR),
            new CqlIndex(DC, "subject", "subject", Index.SUBJECT),
            new CqlIndex(DC, "publisher", "publisher", Index.PUBLISHER),
            new CqlIndex(DC, "date", "year of publication (four digits)", Index.YEAR),
            new CqlIndex(DC, "identifier", "ISBN, ISSN, a member's record number or a union record id",
                    List.of(Index.ISBN, Index.ISSN, Index.LOCAL_ID, Index.RECORD_ID)),
            new CqlIndex(BATH, "title", "title", Index.TITLE),
            new CqlIndex(BATH, "author", "author", Index.AUTHOR),
            new CqlIndex(BATH, "name", "author", Index.AUTHOR),
            new CqlIndex(BATH, "subject", "subject", Index.SUBJECT),
            new CqlIndex(BATH, "isbn", "ISBN (10 or 13 digits, any hyphenation)", Index.ISBN),
            new CqlIndex(BATH, "issn", "ISSN", Index.ISSN),
            new CqlIndex(BATH, "localControlNumber", "a member's own record number (001)", Index.LOCAL_ID),
            new CqlIndex(REC, "id", "union record id, or the id of a source record in it", Index.RECORD_ID),
            new CqlIndex(TONGJIE, "clc", "Chinese Library Classification top class (A-Z)", Index.CLC),
            new CqlIndex(TONGJIE, "library", "id of a member library holding a copy", Index.LIBRARY),
            new CqlIndex(TONGJIE, "localId", "a member's own record number (001)", Index.LOCAL_ID));

    static Optional<ContextSet> setByIdentifier(String identifier) {
        return SETS.stream().filter(s -> s.identifier().equals(identifier)).findFirst();
    }

    static Optional<ContextSet> setByPrefix(String prefix) {
        return SETS.stream().filter(s -> s.prefix().equalsIgnoreCase(prefix)).findFirst();
    }

    /** CQL index names are case-insensitive. */
    static Optional<CqlIndex> find(ContextSet set, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(i -> i.set().equals(set) && i.name().toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }
}

package org.tongjie.z3950;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;

/**
 * A TEST backend, not the hub's: the MARC21 records of one file in memory, searched by case-insensitive
 * word match on title (245), author (100/110/700), ISBN (020), ISSN (022), subject (6XX), local number
 * (001) and all of them (any). The real backend over our Lucene index comes later.
 */
final class InMemoryTestBackend implements CatalogBackend {
    private final List<byte[]> records;
    private final List<Record> parsed;
    private final Map<String, BitSet> resultSets = new ConcurrentHashMap<>();
    private final AtomicLong handles = new AtomicLong();

    InMemoryTestBackend(Path marcFile) {
        try {
            this.records = MarcFiles.split(Files.readAllBytes(marcFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.parsed = records.stream()
                .map(bytes -> new MarcStreamReader(new ByteArrayInputStream(bytes)).next()).toList();
    }

    /** Builds the backend in the server's JVM from the MARC file named by the one argument. */
    public static final class Factory implements CatalogBackend.Factory {
        @Override
        public CatalogBackend create(List<String> arguments) {
            return new InMemoryTestBackend(Path.of(arguments.getFirst()));
        }
    }

    @Override
    public SearchResult search(RpnQuery query) {
        BitSet hits = matches(query);
        String handle = "set-" + handles.incrementAndGet();
        resultSets.put(handle, hits);
        return new SearchResult(hits.cardinality(), handle);
    }

    @Override
    public byte[] record(SearchResult result, int position, RecordSyntax syntax) {
        BitSet hits = resultSets.get(result.handle());
        int index = hits.stream().skip(position - 1L).findFirst().orElseThrow();
        return switch (syntax) {
            case USMARC -> records.get(index);
            case MARCXML -> marcXml(parsed.get(index));
            case UNIMARC, XML, OPAC -> throw new Bib1Exception(227, syntax + ": the record is MARC21");
        };
    }

    /** Positions (0-based, in file order) of the records matching {@code query}. */
    BitSet matches(RpnQuery query) {
        return switch (query) {
            case RpnQuery.Term term -> matchesTerm(term);
            case RpnQuery.And and -> combine(matches(and.left()), matches(and.right()), BitSet::and);
            case RpnQuery.Or or -> combine(matches(or.left()), matches(or.right()), BitSet::or);
            case RpnQuery.AndNot not -> combine(matches(not.left()), matches(not.right()), BitSet::andNot);
            case RpnQuery.AllRecords all -> {
                var every = new BitSet();
                every.set(0, records.size());
                yield every;
            }
        };
    }

    private static BitSet combine(BitSet left, BitSet right, java.util.function.BiConsumer<BitSet, BitSet> op) {
        op.accept(left, right);
        return left;
    }

    private BitSet matchesTerm(RpnQuery.Term term) {
        List<String> wanted = words(term.term());
        BitSet hits = new BitSet();
        IntStream.range(0, parsed.size())
                .filter(i -> matches(words(text(parsed.get(i), term.use())), wanted, term))
                .forEach(hits::set);
        return hits;
    }

    private static boolean matches(List<String> field, List<String> wanted, RpnQuery.Term term) {
        if (wanted.isEmpty()) {
            return false;
        }
        if (term.structure() == RpnQuery.Structure.PHRASE || term.structure() == RpnQuery.Structure.KEY) {
            return IntStream.rangeClosed(0, field.size() - wanted.size()).anyMatch(start ->
                    IntStream.range(0, wanted.size()).allMatch(i ->
                            wordMatches(field.get(start + i), wanted.get(i), term.truncation())));
        }
        return wanted.stream().allMatch(w -> field.stream().anyMatch(f -> wordMatches(f, w, term.truncation())));
    }

    private static boolean wordMatches(String field, String wanted, RpnQuery.Truncation truncation) {
        return truncation == RpnQuery.Truncation.RIGHT ? field.startsWith(wanted) : field.equals(wanted);
    }

    private static String text(Record record, RpnQuery.Use use) {
        return switch (use) {
            case TITLE -> fields(record, "245");
            case AUTHOR -> fields(record, "100", "110", "700", "710");
            case ISBN -> fields(record, "020");
            case ISSN -> fields(record, "022");
            case SUBJECT -> fields(record, "600", "610", "650", "651");
            case LOCAL_NUMBER -> record.getControlNumber() == null ? "" : record.getControlNumber();
            case DATE, PUBLISHER -> fields(record, "260", "264");
            case ANY -> Arrays.stream(RpnQuery.Use.values()).filter(u -> u != RpnQuery.Use.ANY)
                    .map(u -> text(record, u)).collect(Collectors.joining(" "));
        };
    }

    private static String fields(Record record, String... tags) {
        List<String> text = new ArrayList<>();
        for (VariableField field : record.getVariableFields(tags)) {
            if (field instanceof DataField data) {
                data.getSubfields().forEach(subfield -> text.add(subfield.getData()));
            }
        }
        return String.join(" ", text);
    }

    static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty()).toList();
    }

    private static byte[] marcXml(Record record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8");
        writer.setConverter(new org.marc4j.converter.impl.AnselToUnicode());
        writer.write(record);
        writer.close();
        return out.toByteArray();
    }
}

package org.tongjie.marc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;
import org.tongjie.catalog.Isbns;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Classification;
import org.tongjie.catalog.Encoding;
import org.tongjie.catalog.HoldingsMapping;
import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.Provenance;

/** Runs a profile's mapping table over a record and builds the normalised record with its provenance. */
final class RecordMapper {
    private static final Pattern PAGES = Pattern.compile("(\\d+)\\s*(?:p\\b|p\\.|pages|leaves|页|頁)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{3}");

    private final MappingTable table;
    private final Map<String, List<VariableField>> fields;
    private final List<Provenance> provenance = new ArrayList<>();

    private RecordMapper(MappingTable table, Record record) {
        this.table = table;
        this.fields = MappingTable.fieldsByTag(record);
    }

    static BibRecord map(MappingTable table, MarcProfile profile, Encoding encoding, String id, String libraryId,
            String localId, Record record, HoldingsMapping holdings) {
        var m = new RecordMapper(table, record);
        Optional<String> responsibility = m.single(Target.RESPONSIBILITY, Optional::of);
        List<String> authors = m.list(Target.AUTHOR, Optional::of);
        if (authors.isEmpty() && profile == MarcProfile.UNIMARC) {
            authors = responsibility.map(List::of).orElse(List.of());
        }
        Optional<String> extent = m.single(Target.EXTENT, Optional::of);
        return new BibRecord(id, libraryId, localId, profile, encoding,
                m.list(Target.TITLE, Optional::of),
                m.list(Target.PARALLEL_TITLE, Optional::of),
                m.single(Target.TITLE_PINYIN, Optional::of),
                m.single(Target.VOLUME, Optional::of),
                responsibility,
                authors,
                m.list(Target.ISBN, Isbns::toIsbn13),
                m.list(Target.ISBN_CANCELLED, s -> Isbns.toIsbn13(s).or(() -> Optional.of(s))),
                m.list(Target.ISSN, Isbns::toIssn),
                systemNumbers(m),
                m.single(Target.PUBLISHER, Optional::of),
                m.single(Target.PUBLICATION_PLACE, Optional::of),
                toInt(m.single(Target.YEAR, RecordMapper::year)),
                toInt(m.single(Target.ORIGINAL_YEAR, RecordMapper::year)),
                m.single(Target.EDITION, Optional::of),
                extent,
                toInt(extent.flatMap(RecordMapper::pages)),
                m.single(Target.PRICE, Optional::of),
                m.single(Target.LANGUAGE, RecordMapper::language),
                Formats.of(record, profile),
                m.list(Target.SERIES, Optional::of),
                m.list(Target.SUBJECT, Optional::of),
                new Classification(m.list(Target.LCC, Optional::of), m.list(Target.DDC, Optional::of),
                        m.list(Target.CLC, Optional::of), m.single(Target.CLC_EDITION, Optional::of)),
                Holdings.read(holdings, libraryId, record),
                m.provenance,
                Marks.of(record, profile));
    }

    private static List<String> systemNumbers(RecordMapper m) {
        var numbers = new ArrayList<String>();
        numbers.addAll(m.list(Target.LCCN, SystemNumbers::lccn));
        numbers.addAll(m.list(Target.SYSTEM_NUMBER, SystemNumbers::prefixed));
        numbers.addAll(m.list(Target.NATIONAL_NUMBER, SystemNumbers::nationalBibliography));
        return numbers;
    }

    /** The first usable value of a single-valued target, rules in table order. */
    Optional<String> single(Target target, Function<String, Optional<String>> convert) {
        for (MappingRule.Value v : table.all(target, fields)) {
            Optional<String> converted = convert.apply(v.text());
            if (converted.isPresent()) {
                provenance.add(new Provenance(target.ruleName(), converted.get(), v.source()));
                return converted;
            }
        }
        return Optional.empty();
    }

    /** Every usable value of a target, without repeats. */
    List<String> list(Target target, Function<String, Optional<String>> convert) {
        var values = new LinkedHashSet<String>();
        for (MappingRule.Value v : table.all(target, fields)) {
            convert.apply(v.text()).filter(values::add)
                    .ifPresent(c -> provenance.add(new Provenance(target.ruleName(), c, v.source())));
        }
        return List.copyOf(values);
    }

    private static Optional<String> year(String text) {
        OptionalInt y = Years.in(text);
        return y.isPresent() ? Optional.of(Integer.toString(y.getAsInt())) : Optional.empty();
    }

    private static Optional<String> pages(String extent) {
        var m = PAGES.matcher(extent);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> language(String text) {
        String code = text.strip().toLowerCase(Locale.ROOT);
        return LANGUAGE_CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    private static OptionalInt toInt(Optional<String> value) {
        return value.map(v -> OptionalInt.of(Integer.parseInt(v))).orElse(OptionalInt.empty());
    }
}

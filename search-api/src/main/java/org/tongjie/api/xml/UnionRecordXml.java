package org.tongjie.api.xml;

import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.MarcRecords;

/**
 * A union record as the XML that SRU and OAI-PMH serve: MARCXML of the source record that describes it, with
 * one 852 per copy held by any member, and simple Dublin Core of that description. The MARC is the member's
 * record as sent (read back with marc4j), not rebuilt from our normalised fields, so a cataloguer or an
 * aggregator gets everything the member catalogued.
 */
public final class UnionRecordXml {
    public static final String MARCXML_NS = "http://www.loc.gov/MARC21/slim";
    public static final String DC_NS = "http://purl.org/dc/elements/1.1/";

    private final Catalog catalog;

    public UnionRecordXml(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Thrown when the describing source record is gone or no longer parses: a record to skip or report. */
    public static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    /**
     * Writes {@code <record xmlns="http://www.loc.gov/MARC21/slim">}. 001 is the union record's id (what an
     * aggregator must key on: members' own numbers collide across libraries), the member's number moves to
     * 035 as {@code (library)number}. The member's own 852s go (they describe one library's shelves in its own
     * terms) and each holding of the union record becomes an 852: $a library, $b service point, $c shelving
     * location, $h call number, $p barcode, $z availability.
     */
    public void marcXml(XMLStreamWriter out, UnionRecord union) throws XMLStreamException {
        Record record = parsed(union.description());
        out.setDefaultNamespace(MARCXML_NS);
        out.writeStartElement(MARCXML_NS, "record");
        out.writeDefaultNamespace(MARCXML_NS);
        String leader = record.getLeader().toString();
        if (union.description().profile() == MarcProfile.MARC21) {
            leader = leader.substring(0, 9) + 'a' + leader.substring(10); // marc4j decoded it; we write Unicode
        }
        element(out, "leader", leader);
        controlField(out, "001", union.id());
        for (ControlField field : record.getControlFields()) {
            if (!field.getTag().equals("001")) {
                controlField(out, field.getTag(), field.getData());
            }
        }
        BibRecord described = union.description();
        var memberNumber = List.of(new Sub('a', "(" + described.libraryId() + ")" + described.localId()));
        boolean numbered = false;
        for (DataField field : record.getDataFields()) {
            if (!numbered && field.getTag().compareTo("035") > 0) {
                dataField(out, "035", ' ', ' ', memberNumber);
                numbered = true;
            }
            if (!field.getTag().equals("852")) {
                dataField(out, field.getTag(), field.getIndicator1(), field.getIndicator2(),
                        field.getSubfields().stream().map(s -> new Sub(s.getCode(), s.getData())).toList());
            }
        }
        if (!numbered) {
            dataField(out, "035", ' ', ' ', memberNumber);
        }
        for (Holding h : union.holdings()) {
            dataField(out, "852", ' ', ' ', holding(h));
        }
        out.writeEndElement();
    }

    private record Sub(char code, String data) {}

    private static void controlField(XMLStreamWriter out, String tag, String data) throws XMLStreamException {
        out.writeStartElement(MARCXML_NS, "controlfield");
        out.writeAttribute("tag", tag);
        out.writeCharacters(clean(data));
        out.writeEndElement();
    }

    private static List<Sub> holding(Holding h) {
        var subs = new java.util.ArrayList<Sub>();
        subs.add(new Sub('a', h.libraryId()));
        subs.add(new Sub('b', h.servicePoint()));
        h.location().ifPresent(v -> subs.add(new Sub('c', v)));
        h.callNumber().ifPresent(v -> subs.add(new Sub('h', v)));
        h.barcode().ifPresent(v -> subs.add(new Sub('p', v)));
        subs.add(new Sub('z', h.status().name()));
        return subs;
    }

    private static void dataField(XMLStreamWriter out, String tag, char ind1, char ind2, List<Sub> subfields)
            throws XMLStreamException {
        out.writeStartElement(MARCXML_NS, "datafield");
        out.writeAttribute("tag", tag);
        out.writeAttribute("ind1", String.valueOf(ind1 == 0 ? ' ' : ind1));
        out.writeAttribute("ind2", String.valueOf(ind2 == 0 ? ' ' : ind2));
        for (Sub sub : subfields) {
            out.writeStartElement(MARCXML_NS, "subfield");
            out.writeAttribute("code", clean(String.valueOf(sub.code())));
            out.writeCharacters(clean(sub.data()));
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    /** Writes Dublin Core elements (dc:title …) of the union record's description inside the caller's wrapper. */
    public void dublinCoreElements(XMLStreamWriter out, UnionRecord union) throws XMLStreamException {
        BibRecord r = union.description();
        for (String title : r.titles()) {
            dc(out, "title", title);
        }
        for (String author : r.authors()) {
            dc(out, "creator", author);
        }
        for (String subject : r.subjects()) {
            dc(out, "subject", subject);
        }
        for (String clc : r.classification().clc()) {
            dc(out, "subject", "CLC " + clc);
        }
        dc(out, "publisher", r.publisher());
        dc(out, "description", r.edition());
        if (r.year().isPresent()) {
            dc(out, "date", Integer.toString(r.year().getAsInt()));
        }
        dc(out, "type", r.format().name());
        dc(out, "format", r.extent());
        for (String isbn : r.isbns()) {
            dc(out, "identifier", "urn:isbn:" + isbn);
        }
        for (String issn : r.issns()) {
            dc(out, "identifier", "urn:issn:" + issn);
        }
        dc(out, "language", r.language());
    }

    private static void dc(XMLStreamWriter out, String name, Optional<String> value) throws XMLStreamException {
        if (value.isPresent()) {
            dc(out, name, value.get());
        }
    }

    private static void dc(XMLStreamWriter out, String name, String value) throws XMLStreamException {
        out.writeStartElement("dc", name, DC_NS);
        out.writeCharacters(clean(value));
        out.writeEndElement();
    }

    private static void element(XMLStreamWriter out, String name, String value) throws XMLStreamException {
        out.writeStartElement(MARCXML_NS, name);
        out.writeCharacters(clean(value));
        out.writeEndElement();
    }

    /** Characters XML 1.0 cannot carry (a member's stray control bytes) become U+FFFD rather than broken XML. */
    static String clean(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(
                c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000 ? c : 0xFFFD));
        return out.toString();
    }

    private Record parsed(BibRecord description) {
        var source = catalog.search().sourceRecord(description.id()).filter(s -> !s.deleted())
                .orElseThrow(() -> new UnavailableException("source record " + description.id() + " was deleted"));
        try {
            return MarcRecords.record(source);
        } catch (MarcRecords.UnusableRecordException e) {
            throw new UnavailableException("stored record " + description.id() + " no longer parses");
        }
    }
}

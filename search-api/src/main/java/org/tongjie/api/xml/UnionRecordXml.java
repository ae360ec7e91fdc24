package org.tongjie.api.xml;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.MarcRecords;

/**
 * A union record as the XML that SRU and OAI-PMH serve: MARCXML (or MarcXchange for UNIMARC) of the source
 * record that describes it, with one 852 per copy held by any member, and simple Dublin Core of that
 * description. The MARC is the member's record as sent (read back with marc4j), not rebuilt from our
 * normalised fields, so a cataloguer or an aggregator gets everything the member catalogued.
 */
public final class UnionRecordXml {
    public static final String MARCXML_NS = "http://www.loc.gov/MARC21/slim";
    public static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

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
     * Writes the union record as a MARC21slim {@code <record>} (a MARC21 description) or a MarcXchange one
     * (UNIMARC or CNMARC, {@code format="UNIMARC"}): see {@link MarcSchema#of}. 001 is the union record's id
     * (what an aggregator must key on: members' own numbers collide across libraries); the member's number
     * moves to 035 as {@code (library)number} and the member's 003 goes with its 001, so that no agency is
     * named for a number it did not give. The member's own 852s go (they describe one library's shelves in its
     * own terms) and each holding of the union record becomes an 852: $a library, $b service point, $c
     * shelving location, $h call number, $p barcode, $z availability. Fields come in the member's directory
     * order; what the schema cannot carry is changed as {@link SchemaSafe} says.
     */
    public void marcXml(XMLStreamWriter out, UnionRecord union) throws XMLStreamException {
        marcXml(out, union, MarcSchema.of(union));
    }

    /**
     * As {@link #marcXml(XMLStreamWriter, UnionRecord)} in the schema asked for: MarcXchange for any record,
     * MARC21slim for a MARC21 one.
     *
     * @throws IllegalArgumentException for a UNIMARC record in MARC21slim
     */
    public void marcXml(XMLStreamWriter out, UnionRecord union, MarcSchema schema) throws XMLStreamException {
        if (schema == MarcSchema.MARC21_SLIM && MarcSchema.of(union) != schema) {
            throw new IllegalArgumentException(union.id() + " is a UNIMARC record, which MARC21slim cannot carry");
        }
        Record record = parsed(union.description());
        String ns = schema.namespace();
        out.setDefaultNamespace(ns);
        out.writeStartElement(ns, "record");
        out.writeDefaultNamespace(ns);
        out.writeNamespace("xsi", XSI_NS);
        out.writeAttribute(XSI_NS, "schemaLocation", ns + " " + schema.location());
        if (schema == MarcSchema.MARCXCHANGE) {
            out.writeAttribute("format", MarcSchema.format(union));
            out.writeAttribute("type", "Bibliographic");
        }
        element(out, ns, "leader", SchemaSafe.leader(schema, record.getLeader().toString(), union.description().format()));
        controlField(out, ns, "001", union.id());
        for (ControlField field : record.getControlFields()) {
            if (!field.getTag().equals("001") && !field.getTag().equals("003") && SchemaSafe.controlTag(field.getTag())) {
                controlField(out, ns, field.getTag(), field.getData());
            }
        }
        BibRecord described = union.description();
        var memberNumber = List.of(new Sub('a', "(" + described.libraryId() + ")" + described.localId()));
        boolean numbered = false;
        for (DataField field : record.getDataFields()) {
            if (!numbered && field.getTag().compareTo("035") > 0) {
                dataField(out, schema, "035", ' ', ' ', memberNumber);
                numbered = true;
            }
            if (!field.getTag().equals("852") && SchemaSafe.dataTag(schema, field.getTag())) {
                dataField(out, schema, field.getTag(), field.getIndicator1(), field.getIndicator2(),
                        field.getSubfields().stream().map(s -> new Sub(s.getCode(), s.getData())).toList());
            }
        }
        if (!numbered) {
            dataField(out, schema, "035", ' ', ' ', memberNumber);
        }
        for (Holding h : union.holdings()) {
            dataField(out, schema, "852", ' ', ' ', holding(h));
        }
        out.writeEndElement();
    }

    private record Sub(char code, String data) {}

    private static void controlField(XMLStreamWriter out, String ns, String tag, String data) throws XMLStreamException {
        out.writeStartElement(ns, "controlfield");
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

    /** A data field with the subfields the schema can carry; none written when none is left. */
    private static void dataField(XMLStreamWriter out, MarcSchema schema, String tag, char ind1, char ind2, List<Sub> subfields)
            throws XMLStreamException {
        var written = new java.util.ArrayList<Map.Entry<String, String>>();
        for (Sub sub : subfields) {
            SchemaSafe.code(schema, sub.code()).ifPresent(code -> written.add(Map.entry(code, clean(sub.data()))));
        }
        if (written.isEmpty()) {
            return;
        }
        String ns = schema.namespace();
        out.writeStartElement(ns, "datafield");
        out.writeAttribute("tag", tag);
        out.writeAttribute("ind1", String.valueOf(SchemaSafe.indicator(schema, ind1)));
        out.writeAttribute("ind2", String.valueOf(SchemaSafe.indicator(schema, ind2)));
        for (var sub : written) {
            out.writeStartElement(ns, "subfield");
            out.writeAttribute("code", sub.getKey());
            out.writeCharacters(sub.getValue());
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

    private static void element(XMLStreamWriter out, String ns, String name, String value) throws XMLStreamException {
        out.writeStartElement(ns, name);
        out.writeCharacters(clean(value));
        out.writeEndElement();
    }

    /** Without the characters XML 1.0 cannot carry (a member's stray control bytes), as YAZ writes MARCXML. */
    static String clean(String text) {
        return SchemaSafe.text(text);
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

package org.tongjie.marc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.Record;
import org.tongjie.catalog.NotMarcException;
import org.tongjie.catalog.Encoding;
import org.tongjie.catalog.RecordSyntax;

/**
 * MARCXML read with StAX one {@code record} element at a time, so a file of any size streams. Each record
 * element is copied out as a document of its own (its raw bytes) and handed to marc4j. XML that is not
 * well-formed stops the stream: the parser cannot find the next record after it, so the rest of the file
 * is reported as one broken entry.
 */
final class MarcXmlSource extends MarcSource {
    static final String MARCXML_NS = "http://www.loc.gov/MARC21/slim";
    /** MarcXchange (ISO 25577), the other flavour: the same elements in their own namespace. */
    private static final Set<String> MARCXCHANGE_NS = java.util.Set.of(
            "info:lc/xmlns/marcxchange-v1", "info:lc/xmlns/marcxchange-v2");
    private static final Encoding XML_ENCODING = new Encoding("UTF-8", "MARCXML: the XML parser decodes the declared encoding");
    private static final XMLInputFactory INPUT = newInputFactory();

    private final XMLStreamReader xml;
    private boolean failed;
    private boolean foundRecord;
    private String rootElement = "";

    MarcXmlSource(InputStream in, long maxRecordBytes) {
        super(in, maxRecordBytes);
        try {
            this.xml = INPUT.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new NotMarcException("not MARCXML: " + e.getMessage());
        }
    }

    private static XMLInputFactory newInputFactory() {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Not coalescing: text comes in the parser's chunks, so a record element with one huge text is read past
        // (over the record limit) without the whole text ever being held; the copy joins the chunks again.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    @Override
    MarcEntry readNext(long position) throws IOException {
        if (failed) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    if (rootElement.isEmpty()) {
                        rootElement = xml.getName().toString();
                    }
                    if (isMarcRecord()) {
                        foundRecord = true;
                        var copy = XmlSubtree.copy(xml, Optional.of(MARCXML_NS), maxRecordBytes());
                        return copy.complete() ? parse(position, copy.bytes())
                                : new MarcEntry.Broken(position, copy.bytes(), tooLarge(maxRecordBytes()));
                    }
                }
            }
            return noRecordsAtAll(position);
        } catch (XMLStreamException e) {
            failed = true;
            return new MarcEntry.Broken(position, new byte[0], "XML is not well-formed, reading stopped here: "
                    + e.getMessage().replaceAll("\\s+", " "));
        }
    }

    /** XML that holds no MARC record (MODS, Dublin Core, a bare collection) is reported, not passed over. */
    private MarcEntry noRecordsAtAll(long position) {
        if (foundRecord) {
            return null;
        }
        foundRecord = true;
        return new MarcEntry.Broken(position, new byte[0], "no MARCXML record element in this XML (root element "
                + (rootElement.isEmpty() ? "missing" : rootElement) + "); MARCXML records are <record> elements"
                + " in no namespace, in " + MARCXML_NS + " or in MarcXchange's " + MARCXCHANGE_NS);
    }

    private boolean isMarcRecord() {
        String ns = xml.getNamespaceURI();
        return "record".equals(xml.getLocalName())
                && (ns == null || ns.isEmpty() || MARCXML_NS.equals(ns) || MARCXCHANGE_NS.contains(ns));
    }

    private static MarcEntry parse(long position, byte[] raw) {
        try {
            var reader = new MarcXmlReader(new ByteArrayInputStream(raw));
            if (!reader.hasNext()) {
                return new MarcEntry.Broken(position, raw, "the record element holds no MARC record");
            }
            Record record = reader.next();
            return new MarcEntry.Parsed(position, RecordSyntax.MARCXML, raw, record, XML_ENCODING);
        } catch (RuntimeException e) {
            return new MarcEntry.Broken(position, raw, "unreadable MARCXML record: " + e.getMessage());
        }
    }
}

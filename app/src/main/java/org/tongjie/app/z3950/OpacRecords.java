package org.tongjie.app.z3950;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tongjie.catalog.Holding;
import org.tongjie.catalog.HoldingStatus;

/**
 * A record with its holdings in the XML form of the OPAC record syntax that YAZ's {@code yaz_xml_to_opac}
 * reads (the z3950-bridge makes the Z39.50 OPAC record of it): {@code <opacRecord>} with the MARCXML in
 * {@code <bibliographicRecord>} and one {@code <holding>} per copy: nucCode the library, localLocation the
 * service point, shelvingLocation, callNumber, and one circulation (available now, the barcode as item id).
 * YAZ reads the elements in the ASN.1 order, so they are written in it.
 */
final class OpacRecords {
    private static final String MARCXML_NS = "http://www.loc.gov/MARC21/slim";
    private OpacRecords() {}

    /**
     * {@code marcXml} is marc4j's document (a {@code marc:collection} of one {@code marc:record}); YAZ reads
     * a record element only, so the record goes in alone, its namespace declared on it.
     */
    static byte[] xml(byte[] marcXml, List<Holding> holdings) {
        String marc = new String(marcXml, StandardCharsets.UTF_8)
                .replaceFirst("^<\\?xml[^>]*\\?>", "")
                .replaceFirst("^<marc:collection[^>]*>", "")
                .replaceFirst("</marc:collection>$", "")
                .replaceFirst("^<marc:record>", "<marc:record xmlns:marc=\"" + MARCXML_NS + "\">");
        try {
            var out = new ByteArrayOutputStream();
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("opacRecord");
            xml.writeStartElement("bibliographicRecord");
            xml.writeCharacters(""); // closes the start tag before the MARCXML goes in as it is
            xml.flush();
            out.writeBytes(marc.getBytes(StandardCharsets.UTF_8));
            xml.writeEndElement();
            xml.writeStartElement("holdings");
            for (Holding h : holdings) {
                holding(xml, h);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the OPAC record's XML", e);
        }
    }

    private static void holding(XMLStreamWriter xml, Holding h) throws XMLStreamException {
        xml.writeStartElement("holding");
        element(xml, "nucCode", Optional.of(h.libraryId()));
        element(xml, "localLocation", Optional.of(h.servicePoint()));
        element(xml, "shelvingLocation", h.location());
        element(xml, "callNumber", h.callNumber());
        xml.writeStartElement("circulations");
        xml.writeStartElement("circulation");
        xml.writeEmptyElement("availableNow");
        xml.writeAttribute("value", h.status() == HoldingStatus.AVAILABLE ? "1" : "0");
        element(xml, "itemId", h.barcode());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, Optional<String> value) throws XMLStreamException {
        if (value.isPresent()) {
            xml.writeStartElement(name);
            xml.writeCharacters(value.get());
            xml.writeEndElement();
        }
    }
}

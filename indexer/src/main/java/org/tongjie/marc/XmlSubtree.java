package org.tongjie.marc;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Copies the element the reader stands on, and everything in it, into a standalone UTF-8 document, leaving
 * the reader on that element's end tag. The writer repairs namespaces, so prefixes declared on ancestors
 * (often {@code xmlns:marc} on the OAI-PMH root) are declared again where the copy needs them. A prefix
 * used only inside an attribute value (a QName in content) is not carried over; MARCXML has none.
 */
public final class XmlSubtree {
    private static final XMLOutputFactory OUTPUT = newOutputFactory();

    private XmlSubtree() {}

    private static XMLOutputFactory newOutputFactory() {
        var factory = XMLOutputFactory.newDefaultFactory();
        factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
        return factory;
    }

    /** Copies the element with the namespaces it has. */
    public static byte[] copy(XMLStreamReader xml) throws XMLStreamException {
        return copy(xml, Optional.empty());
    }

    /**
     * Copies the element with every element put in {@code namespace}: MARCXML records come in no
     * namespace, in MARC21 slim or in MarcXchange, and marc4j reads only the first two.
     */
    static byte[] copy(XMLStreamReader xml, Optional<String> namespace) throws XMLStreamException {
        var bytes = new ByteArrayOutputStream(4096);
        XMLStreamWriter out = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
        out.writeStartDocument("UTF-8", "1.0");
        int depth = 0;
        do {
            switch (xml.getEventType()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    writeStartElement(xml, out, namespace);
                    depth++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    out.writeEndElement();
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        out.writeCharacters(xml.getText());
                default -> { }
            }
            if (depth > 0) {
                xml.next();
            }
        } while (depth > 0);
        out.writeEndDocument();
        out.close();
        return bytes.toByteArray();
    }

    private static void writeStartElement(XMLStreamReader xml, XMLStreamWriter out, Optional<String> namespace)
            throws XMLStreamException {
        if (namespace.isPresent()) {
            out.writeStartElement("", xml.getLocalName(), namespace.get());
        } else {
            out.writeStartElement(orEmpty(xml.getPrefix()), xml.getLocalName(), orEmpty(xml.getNamespaceURI()));
        }
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String ns = orEmpty(xml.getAttributeNamespace(i));
            if (ns.isEmpty()) {
                out.writeAttribute(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
            } else {
                out.writeAttribute(orEmpty(xml.getAttributePrefix(i)), ns, xml.getAttributeLocalName(i),
                        xml.getAttributeValue(i));
            }
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

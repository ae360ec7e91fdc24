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
        return copy(xml, namespace, Long.MAX_VALUE).bytes();
    }

    /**
     * The copy, {@code complete} unless it grew past {@code maxBytes}: then the bytes copied so far, and the rest
     * of the element is read past without being kept, so one huge element costs no more memory than the limit.
     */
    record Copy(byte[] bytes, boolean complete) {}

    static Copy copy(XMLStreamReader xml, Optional<String> namespace, long maxBytes) throws XMLStreamException {
        var bytes = new ByteArrayOutputStream(4096);
        XMLStreamWriter out = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
        out.writeStartDocument("UTF-8", "1.0");
        int depth = 0;
        boolean complete = true;
        do {
            switch (xml.getEventType()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (complete) {
                        writeStartElement(xml, out, namespace);
                    }
                    depth++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (complete) {
                        out.writeEndElement();
                    }
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (complete) {
                        out.writeCharacters(xml.getText());
                    }
                }
                default -> { }
            }
            if (complete && depth > 0) {
                out.flush();
                complete = bytes.size() <= maxBytes;
            }
            if (depth > 0) {
                xml.next();
            }
        } while (depth > 0);
        if (!complete) {
            return new Copy(bytes.toByteArray(), false);
        }
        out.writeEndDocument();
        out.close();
        return new Copy(bytes.toByteArray(), true);
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

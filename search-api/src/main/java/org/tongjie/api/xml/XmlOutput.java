package org.tongjie.api.xml;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A UTF-8 XML document built in memory with StAX, for the SRU and OAI-PMH answers. {@link #raw} splices in a
 * fragment written by another writer (a record), which StAX itself cannot do.
 */
public final class XmlOutput {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter sink = new StringWriter();
    private final XMLStreamWriter writer;

    private XmlOutput(boolean declaration) {
        try {
            writer = FACTORY.createXMLStreamWriter(sink);
            if (declaration) {
                writer.writeStartDocument("UTF-8", "1.0");
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's StAX writer could not start a document", e);
        }
    }

    public static XmlOutput document() {
        return new XmlOutput(true);
    }

    /** A fragment without an XML declaration, to splice into a document or escape as text. */
    public static XmlOutput fragment() {
        return new XmlOutput(false);
    }

    public XMLStreamWriter writer() {
        return writer;
    }

    /** Writes a complete, well-formed fragment as it is at the current position (inside an open element). */
    public void raw(String fragment) throws XMLStreamException {
        writer.writeCharacters("");
        writer.flush();
        sink.write(fragment);
    }

    public String text() throws XMLStreamException {
        writer.writeEndDocument();
        writer.flush();
        return sink.toString();
    }

    /** Writes an element holding only text. */
    public void element(String namespace, String name, String text) throws XMLStreamException {
        writer.writeStartElement(namespace, name);
        writer.writeCharacters(UnionRecordXml.clean(text));
        writer.writeEndElement();
    }
}

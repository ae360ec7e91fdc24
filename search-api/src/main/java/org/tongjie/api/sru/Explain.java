package org.tongjie.api.sru;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tongjie.api.xml.XmlOutput;

/** The explain answer: a ZeeRex record listing the context sets, indexes, schemas and paging limits served. */
final class Explain {
    static final String ZEEREX = "http://explain.z3950.org/dtd/2.0/";

    private Explain() {}

    static String document(SruVersion v, String hostAndPort) throws XMLStreamException {
        XmlOutput doc = XmlOutput.document();
        XMLStreamWriter out = doc.writer();
        out.setPrefix("zs", v.namespace);
        out.writeStartElement(v.namespace, "explainResponse");
        out.writeNamespace("zs", v.namespace);
        doc.element(v.namespace, "version", v.number);
        out.writeStartElement(v.namespace, "record");
        doc.element(v.namespace, "recordSchema", ZEEREX);
        doc.element(v.namespace, v.escapingParameter(), "xml");
        out.writeStartElement(v.namespace, "recordData");
        doc.raw(zeeRex(v, hostAndPort));
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
        return doc.text();
    }

    private static String zeeRex(SruVersion v, String hostAndPort) throws XMLStreamException {
        XmlOutput doc = XmlOutput.fragment();
        XMLStreamWriter out = doc.writer();
        out.setDefaultNamespace(ZEEREX);
        out.writeStartElement(ZEEREX, "explain");
        out.writeDefaultNamespace(ZEEREX);
        serverInfo(doc, v, hostAndPort);
        out.writeStartElement(ZEEREX, "databaseInfo");
        doc.element(ZEEREX, "title", "Tongjie union catalogue");
        doc.element(ZEEREX, "description", "Every member library's records as union records (one per edition) with each"
                + " library's copies; MARCXML carries one 852 per copy.");
        out.writeEndElement();
        indexInfo(doc);
        schemaInfo(doc);
        out.writeStartElement(ZEEREX, "configInfo");
        setting(doc, "default", "numberOfRecords", Integer.toString(SruRequest.DEFAULT_MAXIMUM_RECORDS));
        setting(doc, "setting", "maximumRecords", Integer.toString(SruRequest.MAXIMUM_RECORDS_LIMIT));
        setting(doc, "default", "contextSet", CqlIndexes.DEFAULT_SET.prefix());
        setting(doc, "default", "index", "cql.serverChoice");
        setting(doc, "default", "relation", "=");
        out.writeEndElement();
        out.writeEndElement();
        return doc.text();
    }

    private static void serverInfo(XmlOutput doc, SruVersion v, String hostAndPort) throws XMLStreamException {
        int colon = hostAndPort.lastIndexOf(':');
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(ZEEREX, "serverInfo");
        out.writeAttribute("protocol", "SRU");
        out.writeAttribute("version", v.number);
        out.writeAttribute("transport", "http");
        doc.element(ZEEREX, "host", colon < 0 ? hostAndPort : hostAndPort.substring(0, colon));
        doc.element(ZEEREX, "port", colon < 0 ? "80" : hostAndPort.substring(colon + 1));
        doc.element(ZEEREX, "database", "sru");
        out.writeEndElement();
    }

    private static void indexInfo(XmlOutput doc) throws XMLStreamException {
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(ZEEREX, "indexInfo");
        for (var set : CqlIndexes.SETS) {
            out.writeEmptyElement(ZEEREX, "set");
            out.writeAttribute("name", set.prefix());
            out.writeAttribute("identifier", set.identifier());
        }
        for (var index : CqlIndexes.ALL) {
            out.writeStartElement(ZEEREX, "index");
            out.writeAttribute("search", "true");
            doc.element(ZEEREX, "title", index.title());
            out.writeStartElement(ZEEREX, "map");
            out.writeStartElement(ZEEREX, "name");
            out.writeAttribute("set", index.set().prefix());
            out.writeCharacters(index.name());
            out.writeEndElement();
            out.writeEndElement();
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private static void schemaInfo(XmlOutput doc) throws XMLStreamException {
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(ZEEREX, "schemaInfo");
        for (RecordSchema schema : RecordSchema.values()) {
            out.writeStartElement(ZEEREX, "schema");
            out.writeAttribute("identifier", schema.identifier);
            out.writeAttribute("name", schema.shortName);
            doc.element(ZEEREX, "title", schema.title);
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private static void setting(XmlOutput doc, String element, String type, String value) throws XMLStreamException {
        doc.writer().writeStartElement(ZEEREX, element);
        doc.writer().writeAttribute("type", type);
        doc.writer().writeCharacters(value);
        doc.writer().writeEndElement();
    }
}

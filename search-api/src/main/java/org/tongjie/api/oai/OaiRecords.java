package org.tongjie.api.oai;

import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.api.xml.UnionRecordXml;
import org.tongjie.api.xml.XmlOutput;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.indexer.Catalog;
import org.tongjie.store.PublishedUnions;

/** GetRecord, ListIdentifiers and ListRecords: headers from the published datestamps, metadata from the index. */
final class OaiRecords {
    private static final Logger LOG = LoggerFactory.getLogger(OaiRecords.class);
    private static final String OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/";

    private final Catalog catalog;
    private final UnionRecordXml xml;

    private final int pageSize;

    OaiRecords(Catalog catalog, int pageSize) {
        this.catalog = catalog;
        this.pageSize = pageSize;
        this.xml = new UnionRecordXml(catalog);
    }

    PublishedUnions.Entry entry(String identifier) {
        Optional<String> id = identifier.startsWith(OaiController.ID_PREFIX)
                ? Optional.of(identifier.substring(OaiController.ID_PREFIX.length())) : Optional.empty();
        return id.flatMap(catalog.feed()::get).orElseThrow(() -> new OaiError(OaiError.Code.idDoesNotExist,
                "no record '" + identifier + "' (identifiers look like " + OaiController.ID_PREFIX + "UNION-RECORD-ID)"));
    }

    void getRecord(XmlOutput doc, String identifier, MetadataFormat format) throws XMLStreamException {
        PublishedUnions.Entry entry = entry(identifier);
        Optional<UnionRecord> union = entry.deleted() ? Optional.empty() : current(entry);
        if (!entry.deleted() && union.isEmpty()) {
            throw new OaiError(OaiError.Code.idDoesNotExist, identifier + " is being changed; ask again in a moment");
        }
        doc.writer().writeStartElement(OaiController.OAI_NS, "GetRecord");
        record(doc, entry, union, format);
        doc.writer().writeEndElement();
    }

    /** One page of the list (and a token for the next) or, for an empty list, noRecordsMatch. */
    void list(XmlOutput doc, ListRequest request, boolean withMetadata) throws XMLStreamException {
        List<PublishedUnions.Entry> entries = catalog.feed().list(request.window(), pageSize + 1);
        if (entries.isEmpty() && request.window().after().isEmpty()) {
            throw new OaiError(OaiError.Code.noRecordsMatch, "no union record matches these arguments");
        }
        boolean more = entries.size() > pageSize;
        List<PublishedUnions.Entry> page = more ? entries.subList(0, pageSize) : entries;
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(OaiController.OAI_NS, withMetadata ? "ListRecords" : "ListIdentifiers");
        for (PublishedUnions.Entry entry : page) {
            if (!withMetadata) {
                header(doc, entry);
                continue;
            }
            Optional<UnionRecord> union = entry.deleted() ? Optional.empty() : current(entry);
            if (entry.deleted() || union.isPresent()) {
                record(doc, entry, union, request.format());
            }
        }
        if (more) {
            doc.element(OaiController.OAI_NS, "resumptionToken", request.after(OaiController.cursorOf(page.getLast())).token());
        } else if (request.window().after().isPresent()) {
            out.writeEmptyElement(OaiController.OAI_NS, "resumptionToken");
        }
        out.writeEndElement();
    }

    /**
     * The union record as the index shows it. Absent only in the moment between a change reaching the index
     * and its datestamp (a tombstone about to be published): the entry comes again with its new datestamp.
     */
    private Optional<UnionRecord> current(PublishedUnions.Entry entry) {
        Optional<UnionRecord> union = catalog.search().record(entry.unionId()).filter(u -> u.id().equals(entry.unionId()));
        if (union.isEmpty()) {
            LOG.info("OAI-PMH: union record {} left the index and awaits its tombstone's datestamp", entry.unionId());
        }
        return union;
    }

    private void record(XmlOutput doc, PublishedUnions.Entry entry, Optional<UnionRecord> union, MetadataFormat format)
            throws XMLStreamException {
        XMLStreamWriter out = doc.writer();
        String metadata = null;
        if (union.isPresent()) {
            try {
                metadata = metadata(union.get(), format);
            } catch (UnionRecordXml.UnavailableException e) {
                LOG.warn("OAI-PMH: union record {} left out of this page: {}", entry.unionId(), e.getMessage());
                return;
            }
        }
        out.writeStartElement(OaiController.OAI_NS, "record");
        header(doc, entry);
        if (metadata != null) {
            out.writeStartElement(OaiController.OAI_NS, "metadata");
            doc.raw(metadata);
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private static void header(XmlOutput doc, PublishedUnions.Entry entry) throws XMLStreamException {
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(OaiController.OAI_NS, "header");
        if (entry.deleted()) {
            out.writeAttribute("status", "deleted");
        }
        doc.element(OaiController.OAI_NS, "identifier", OaiController.ID_PREFIX + entry.unionId());
        doc.element(OaiController.OAI_NS, "datestamp", entry.datestamp().toString());
        for (String library : entry.libraries()) {
            doc.element(OaiController.OAI_NS, "setSpec", library);
        }
        out.writeEndElement();
    }

    private String metadata(UnionRecord union, MetadataFormat format) throws XMLStreamException {
        XmlOutput fragment = XmlOutput.fragment();
        XMLStreamWriter out = fragment.writer();
        if (format == MetadataFormat.OAI_DC) {
            out.setPrefix("oai_dc", OAI_DC_NS);
            out.setPrefix("dc", UnionRecordXml.DC_NS);
            out.writeStartElement(OAI_DC_NS, "dc");
            out.writeNamespace("oai_dc", OAI_DC_NS);
            out.writeNamespace("dc", UnionRecordXml.DC_NS);
            out.writeNamespace("xsi", OaiController.XSI_NS);
            out.writeAttribute(OaiController.XSI_NS, "schemaLocation", OAI_DC_NS + " " + MetadataFormat.OAI_DC.schema);
            xml.dublinCoreElements(out, union);
            out.writeEndElement();
        } else {
            xml.marcXml(out, union);
        }
        return fragment.text();
    }
}

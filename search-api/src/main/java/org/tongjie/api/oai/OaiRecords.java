package org.tongjie.api.oai;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.api.xml.MarcSchema;
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
    private final String idPrefix;

    OaiRecords(Catalog catalog, int pageSize, String idPrefix) {
        this.catalog = catalog;
        this.pageSize = pageSize;
        this.idPrefix = idPrefix;
        this.xml = new UnionRecordXml(catalog);
    }

    /** An entry as it goes on a page: its header, and its metadata when the page carries records and it is not deleted. */
    private record Item(PublishedUnions.Entry entry, Optional<String> metadata) {}

    PublishedUnions.Entry entry(String identifier) {
        Optional<String> id = identifier.startsWith(idPrefix) ? Optional.of(identifier.substring(idPrefix.length())) : Optional.empty();
        return id.flatMap(catalog.feed()::get).orElseThrow(() -> new OaiError(OaiError.Code.idDoesNotExist,
                "no record '" + identifier + "' (identifiers look like " + idPrefix + "UNION-RECORD-ID)"));
    }

    void getRecord(XmlOutput doc, String identifier, MetadataFormat format) throws XMLStreamException {
        PublishedUnions.Entry entry = entry(identifier);
        Optional<UnionRecord> union = entry.deleted() ? Optional.empty() : current(entry);
        if (!entry.deleted() && union.isEmpty()) {
            throw new OaiError(OaiError.Code.idDoesNotExist, identifier + " is being changed; ask again in a moment");
        }
        if (union.isPresent() && !format.serves(union.get())) {
            throw new OaiError(OaiError.Code.cannotDisseminateFormat, identifier + " is a UNIMARC record, which "
                    + format.prefix + " (MARC21slim) cannot carry; ask for marcxchange or oai_dc");
        }
        Optional<String> metadata = union.isEmpty() ? Optional.empty() : metadata(entry, union.get(), format);
        if (union.isPresent() && metadata.isEmpty()) {
            throw new OaiError(OaiError.Code.idDoesNotExist, identifier + " is being changed; ask again in a moment");
        }
        doc.writer().writeStartElement(OaiController.OAI_NS, "GetRecord");
        record(doc, new Item(entry, metadata));
        doc.writer().writeEndElement();
    }

    /** The formats one record is given in: all for a deleted record, else those that can carry it. */
    List<MetadataFormat> formats(String identifier) {
        PublishedUnions.Entry entry = entry(identifier);
        Optional<UnionRecord> union = entry.deleted() ? Optional.empty() : current(entry);
        return Arrays.stream(MetadataFormat.values()).filter(f -> union.map(f::serves).orElse(true)).toList();
    }

    /**
     * One page of the list (and a token for the next) or, for an empty list, noRecordsMatch. A page never
     * comes out empty (the schema wants a record in each): entries not in the format (a UNIMARC record asked
     * for in MARC21slim) are passed over and the page filled from further on.
     */
    void list(XmlOutput doc, ListRequest request, boolean withMetadata) throws XMLStreamException {
        var page = new ArrayList<Item>();
        boolean more = collect(request, withMetadata, page);
        if (page.isEmpty()) {
            throw new OaiError(OaiError.Code.noRecordsMatch, request.window().after().isEmpty()
                    ? "no union record matches these arguments" : "no union record is left in this list");
        }
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(OaiController.OAI_NS, withMetadata ? "ListRecords" : "ListIdentifiers");
        for (Item item : page) {
            if (withMetadata) {
                record(doc, item);
            } else {
                header(doc, item.entry());
            }
        }
        if (more) {
            doc.element(OaiController.OAI_NS, "resumptionToken", request.after(OaiController.cursorOf(page.getLast().entry())).token());
        } else if (request.window().after().isPresent()) {
            out.writeEmptyElement(OaiController.OAI_NS, "resumptionToken");
        }
        out.writeEndElement();
    }

    /** Fills the page with up to pageSize items; true when at least one more follows. */
    private boolean collect(ListRequest request, boolean withMetadata, List<Item> page) {
        ListRequest at = request;
        while (true) {
            List<PublishedUnions.Entry> batch = catalog.feed().list(at.window(), pageSize + 1);
            for (PublishedUnions.Entry entry : batch) {
                item(entry, request.format(), withMetadata).ifPresent(page::add);
                if (page.size() > pageSize) {
                    page.removeLast();
                    return true;
                }
            }
            if (batch.size() <= pageSize) {
                return false;
            }
            at = request.after(OaiController.cursorOf(batch.getLast()));
        }
    }

    private Optional<Item> item(PublishedUnions.Entry entry, MetadataFormat format, boolean withMetadata) {
        boolean marc21Only = format == MetadataFormat.MARCXML || format == MetadataFormat.MARC21;
        if (entry.deleted() || !(withMetadata || marc21Only)) {
            return Optional.of(new Item(entry, Optional.empty()));
        }
        Optional<UnionRecord> union = current(entry).filter(format::serves);
        if (union.isEmpty()) {
            return Optional.empty();
        }
        if (!withMetadata) {
            return Optional.of(new Item(entry, Optional.empty()));
        }
        return metadata(entry, union.get(), format).map(m -> new Item(entry, Optional.of(m)));
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

    /** The OAI identifier of a union record. */
    String identifier(String unionId) {
        return idPrefix + unionId;
    }

    private void record(XmlOutput doc, Item item) throws XMLStreamException {
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(OaiController.OAI_NS, "record");
        header(doc, item.entry());
        if (item.metadata().isPresent()) {
            out.writeStartElement(OaiController.OAI_NS, "metadata");
            doc.raw(item.metadata().get());
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private void header(XmlOutput doc, PublishedUnions.Entry entry) throws XMLStreamException {
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(OaiController.OAI_NS, "header");
        if (entry.deleted()) {
            out.writeAttribute("status", "deleted");
        }
        doc.element(OaiController.OAI_NS, "identifier", identifier(entry.unionId()));
        doc.element(OaiController.OAI_NS, "datestamp", entry.datestamp().toString());
        for (String library : entry.libraries()) {
            doc.element(OaiController.OAI_NS, "setSpec", library);
        }
        out.writeEndElement();
    }

    /** The record in the format; empty (and logged) when its describing record is gone or no longer reads. */
    private Optional<String> metadata(PublishedUnions.Entry entry, UnionRecord union, MetadataFormat format) {
        try {
            return Optional.of(metadata(union, format));
        } catch (UnionRecordXml.UnavailableException e) {
            LOG.warn("OAI-PMH: union record {} left out: {}", entry.unionId(), e.getMessage());
            return Optional.empty();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's StAX writer failed on an in-memory string", e);
        }
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
            xml.marcXml(out, union, format == MetadataFormat.MARCXCHANGE ? MarcSchema.MARCXCHANGE : MarcSchema.MARC21_SLIM);
        }
        return fragment.text();
    }
}

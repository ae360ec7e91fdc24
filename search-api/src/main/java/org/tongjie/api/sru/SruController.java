package org.tongjie.api.sru;

import io.javalin.http.Context;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongjie.api.xml.MarcSchema;
import org.tongjie.api.xml.UnionRecordXml;
import org.tongjie.api.xml.XmlOutput;
import org.tongjie.catalog.UnionRecord;
import org.tongjie.indexer.Catalog;
import org.tongjie.query.Matches;

/**
 * SRU at /sru: searchRetrieve and explain, in SRU 1.1, 1.2 and 2.0, over HTTP GET and POST. SRU answers every request with XML and
 * HTTP 200, a refusal included, as a diagnostic the client shows its user (the protocol's way, not JSON).
 */
public final class SruController {
    private static final Logger LOG = LoggerFactory.getLogger(SruController.class);
    static final String XML = "text/xml; charset=UTF-8";
    private static final String SCAN_2_0 = "http://docs.oasis-open.org/ns/search-ws/scan";

    private final Catalog catalog;
    private final UnionRecordXml records;

    public SruController(Catalog catalog) {
        this.catalog = catalog;
        this.records = new UnionRecordXml(catalog);
    }

    public void handle(Context ctx) throws XMLStreamException {
        SruVersion version = SruVersion.V1_2;
        try {
            version = SruRequest.versionOf(ctx);
            SruRequest request = SruRequest.of(ctx, version);
            ctx.contentType(XML).result(request.operation() == SruRequest.Operation.EXPLAIN
                    ? Explain.document(version, ctx.host())
                    : searchRetrieve(request));
        } catch (SruDiagnostic d) {
            ctx.contentType(XML).result(refusal(version, SruRequest.param(ctx, "operation"), SruRequest.param(ctx, "query"), d));
        }
    }

    private String searchRetrieve(SruRequest request) throws XMLStreamException {
        var query = CqlQueries.parse(request.query().orElseThrow());
        Matches matches = catalog.search().find(query, request.startRecord() - 1, request.maximumRecords());
        if (matches.total() > 0 && request.startRecord() > matches.total()) {
            throw new SruDiagnostic(SruDiagnostic.FIRST_RECORD_OUT_OF_RANGE, Integer.toString(request.startRecord()),
                    "startRecord is past the " + matches.total() + " records found", matches.total());
        }
        SruVersion v = request.version();
        XmlOutput doc = XmlOutput.document();
        XMLStreamWriter out = doc.writer();
        out.setPrefix("zs", v.namespace);
        out.writeStartElement(v.namespace, "searchRetrieveResponse");
        out.writeNamespace("zs", v.namespace);
        doc.element(v.namespace, "version", v.number);
        doc.element(v.namespace, "numberOfRecords", Long.toString(matches.total()));
        if (!matches.records().isEmpty()) {
            out.writeStartElement(v.namespace, "records");
            int position = request.startRecord();
            for (UnionRecord union : matches.records()) {
                record(doc, request, union, position++);
            }
            out.writeEndElement();
        }
        long next = request.startRecord() + (long) matches.records().size();
        if (!matches.records().isEmpty() && next <= matches.total()) {
            doc.element(v.namespace, "nextRecordPosition", Long.toString(next));
        }
        out.writeEndElement();
        return doc.text();
    }

    private void record(XmlOutput doc, SruRequest request, UnionRecord union, int position) throws XMLStreamException {
        SruVersion v = request.version();
        doc.writer().writeStartElement(v.namespace, "record");
        String data;
        RecordSchema served = request.schema() == RecordSchema.MARCXML && MarcSchema.of(union) == MarcSchema.MARCXCHANGE
                ? RecordSchema.MARCXCHANGE : request.schema();
        String schema = served.identifier;
        try {
            data = recordData(served, union);
        } catch (UnionRecordXml.UnavailableException e) {
            LOG.warn("SRU record {} unavailable: {}", union.id(), e.getMessage());
            schema = "info:srw/schema/1/diagnostics-v1.1";
            data = diagnosticFragment(v, new SruDiagnostic(SruDiagnostic.RECORD_TEMPORARILY_UNAVAILABLE, union.id(), e.getMessage()));
        }
        doc.element(v.namespace, "recordSchema", schema);
        doc.element(v.namespace, v.escapingParameter(), request.escaped() ? "string" : "xml");
        doc.writer().writeStartElement(v.namespace, "recordData");
        if (request.escaped()) {
            doc.writer().writeCharacters(data);
        } else {
            doc.raw(data);
        }
        doc.writer().writeEndElement();
        doc.element(v.namespace, "recordPosition", Integer.toString(position));
        doc.writer().writeEndElement();
    }

    private String recordData(RecordSchema schema, UnionRecord union) throws XMLStreamException {
        XmlOutput fragment = XmlOutput.fragment();
        XMLStreamWriter out = fragment.writer();
        if (schema == RecordSchema.MARCXML) {
            records.marcXml(out, union, MarcSchema.MARC21_SLIM);
        } else if (schema == RecordSchema.MARCXCHANGE) {
            records.marcXml(out, union, MarcSchema.MARCXCHANGE);
        } else {
            String srwDc = "info:srw/schema/1/dc-schema";
            out.setPrefix("srw_dc", srwDc);
            out.setPrefix("dc", UnionRecordXml.DC_NS);
            out.writeStartElement(srwDc, "dc");
            out.writeNamespace("srw_dc", srwDc);
            out.writeNamespace("dc", UnionRecordXml.DC_NS);
            records.dublinCoreElements(out, union);
            out.writeEndElement();
        }
        return fragment.text();
    }

    /**
     * The response to the operation asked for (searchRetrieve, explain or scan) holding only the diagnostic;
     * SRU 2.0's scanResponse lives in its own namespace and has no version.
     */
    private static String refusal(SruVersion v, String operation, String query, SruDiagnostic d) throws XMLStreamException {
        boolean explain = "explain".equals(operation) || (operation == null && query == null);
        boolean scan = "scan".equals(operation);
        String ns = scan && v.isTwo() ? SCAN_2_0 : v.namespace;
        XmlOutput doc = XmlOutput.document();
        XMLStreamWriter out = doc.writer();
        out.setPrefix(scan && v.isTwo() ? "scan" : "zs", ns);
        out.writeStartElement(ns, explain ? "explainResponse" : scan ? "scanResponse" : "searchRetrieveResponse");
        out.writeNamespace(scan && v.isTwo() ? "scan" : "zs", ns);
        if (!(scan && v.isTwo())) {
            doc.element(ns, "version", v.number);
        }
        if (!explain && !scan) {
            doc.element(ns, "numberOfRecords", Long.toString(d.numberOfRecords()));
        }
        out.writeStartElement(ns, "diagnostics");
        doc.raw(diagnosticFragment(v, d));
        out.writeEndElement();
        out.writeEndElement();
        return doc.text();
    }

    private static String diagnosticFragment(SruVersion v, SruDiagnostic d) throws XMLStreamException {
        XmlOutput fragment = XmlOutput.fragment();
        XMLStreamWriter out = fragment.writer();
        out.setPrefix("diag", v.diagnosticNamespace);
        out.writeStartElement(v.diagnosticNamespace, "diagnostic");
        out.writeNamespace("diag", v.diagnosticNamespace);
        for (var part : List.of(List.of("uri", d.uri()), List.of("details", d.details()), List.of("message", d.getMessage()))) {
            fragment.element(v.diagnosticNamespace, part.get(0), part.get(1));
        }
        out.writeEndElement();
        return fragment.text();
    }
}

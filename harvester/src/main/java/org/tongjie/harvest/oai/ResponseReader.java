package org.tongjie.harvest.oai;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.tongjie.indexer.MarcRecords;

/**
 * Reads one OAI-PMH response with StAX as it streams in; only the records' metadata elements are copied
 * out. Elements are matched by local name: providers that get the OAI namespace wrong are still read.
 */
final class ResponseReader {
    private record OaiError(String code, String message) {}

    private final URI url;
    private final XMLStreamReader xml;
    private Optional<Instant> responseDate = Optional.empty();
    private final List<OaiError> errors = new ArrayList<>();

    private ResponseReader(URI url, XMLStreamReader xml) {
        this.url = url;
        this.xml = xml;
    }

    /** Parses a body into a value; I/O failures propagate (the request is retried), bad XML does not. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(URI url, InputStream body) throws IOException;
    }

    static OaiIdentity identify(URI url, InputStream body) throws IOException {
        return read(url, body, ResponseReader::readIdentify);
    }

    /** A ListRecords page; {@code requestToken} is the token sent, if any, for a badResumptionToken error. */
    static Parser<ListRecordsPage> listRecords(Optional<String> requestToken) {
        return (url, body) -> read(url, body, reader -> reader.readListRecords(requestToken));
    }

    @FunctionalInterface
    private interface Body<T> {
        T read(ResponseReader reader) throws XMLStreamException;
    }

    private static <T> T read(URI url, InputStream body, Body<T> content) throws IOException {
        XMLStreamReader xml = null;
        try {
            xml = INPUT.createXMLStreamReader(new ControlCharFilter(new BufferedInputStream(body, 1 << 16)));
            return content.read(new ResponseReader(url, xml));
        } catch (XMLStreamException e) {
            throw ioCause(e).orElseThrow(() -> malformed(url, e));
        } finally {
            close(xml);
        }
    }

    /** Factories are thread-safe once configured; one serves every page of every harvest. */
    private static final XMLInputFactory INPUT = newInputFactory();

    private static XMLInputFactory newInputFactory() {
        // The JDK's own parser, not whichever StAX provider is on the class path, so behaviour and error
        // messages are the same everywhere; no DTDs or external entities from a remote server.
        var factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private OaiIdentity readIdentify() throws XMLStreamException {
        OaiIdentity identity = null;
        enterRoot();
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "responseDate", "error" -> readCommon();
                case "Identify" -> identity = readIdentity();
                default -> skip();
            }
        }
        throwErrors(Optional.empty());
        if (identity == null) {
            throw new OaiResponseException(url, "no <Identify> element in the response");
        }
        return identity;
    }

    private OaiIdentity readIdentity() throws XMLStreamException {
        String name = null, baseUrl = null, earliest = null, deleted = null, granularity = null;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "repositoryName" -> name = text();
                case "baseURL" -> baseUrl = text();
                case "earliestDatestamp" -> earliest = text();
                case "deletedRecord" -> deleted = text();
                case "granularity" -> granularity = text();
                default -> skip();
            }
        }
        String g = require(granularity, "granularity");
        String d = require(deleted, "deletedRecord");
        return new OaiIdentity(require(name, "repositoryName"), URI.create(require(baseUrl, "baseURL")),
                datestamp(require(earliest, "earliestDatestamp")),
                Granularity.fromWire(g).orElseThrow(() -> unusable("unknown granularity '" + g + "'")),
                DeletedRecordPolicy.fromWire(d).orElseThrow(() -> unusable("unknown deletedRecord policy '" + d + "'")));
    }

    private ListRecordsPage readListRecords(Optional<String> requestToken) throws XMLStreamException {
        var records = new ArrayList<OaiRecord>();
        var checkpoint = new PageCheckpoint(Optional.empty(), 0, Optional.empty(), Optional.empty());
        enterRoot();
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "responseDate", "error" -> readCommon();
                case "ListRecords" -> checkpoint = readRecords(records);
                default -> skip();
            }
        }
        if (errors.stream().anyMatch(e -> e.code().equals("noRecordsMatch"))) {
            return new ListRecordsPage(List.of(), checkpoint, responseDate);
        }
        throwErrors(requestToken);
        return new ListRecordsPage(records, checkpoint, responseDate);
    }

    private PageCheckpoint readRecords(List<OaiRecord> records) throws XMLStreamException {
        var checkpoint = new PageCheckpoint(Optional.empty(), 0, Optional.empty(), Optional.empty());
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "record" -> records.add(readRecord());
                case "resumptionToken" -> checkpoint = readResumptionToken();
                default -> skip();
            }
        }
        return new PageCheckpoint(checkpoint.nextToken(), records.size(), checkpoint.completeListSize(),
                checkpoint.cursor());
    }

    private OaiRecord readRecord() throws XMLStreamException {
        OaiHeader header = null;
        Optional<byte[]> metadata = Optional.empty();
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "header" -> header = readHeader();
                case "metadata" -> metadata = readMetadata();
                default -> skip();
            }
        }
        if (header == null) {
            throw unusable("a <record> without <header>");
        }
        return new OaiRecord(header, header.deleted() ? Optional.empty() : metadata);
    }

    private OaiHeader readHeader() throws XMLStreamException {
        boolean deleted = "deleted".equals(xml.getAttributeValue(null, "status"));
        String identifier = null;
        Instant datestamp = null;
        var sets = new ArrayList<String>();
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "identifier" -> identifier = text();
                case "datestamp" -> datestamp = datestamp(text());
                case "setSpec" -> sets.add(text());
                default -> skip();
            }
        }
        if (identifier == null || datestamp == null) {
            throw unusable("a record <header> without " + (identifier == null ? "<identifier>" : "<datestamp>"));
        }
        return new OaiHeader(identifier, datestamp, sets, deleted);
    }

    private Optional<byte[]> readMetadata() throws XMLStreamException {
        Optional<byte[]> content = Optional.empty();
        while (nextChild()) {
            if (content.isPresent()) {
                throw unusable("<metadata> holds more than one element");
            }
            content = Optional.of(MarcRecords.standalone(xml));
        }
        return content;
    }

    /** The token's part of the checkpoint; the caller fills in the page's record count. */
    private PageCheckpoint readResumptionToken() throws XMLStreamException {
        Optional<Integer> size = intAttribute("completeListSize");
        Optional<Integer> cursor = intAttribute("cursor");
        String token = text().strip();
        return new PageCheckpoint(token.isEmpty() ? Optional.empty() : Optional.of(token), 0, size, cursor);
    }

    private void readCommon() throws XMLStreamException {
        if (xml.getLocalName().equals("error")) {
            String code = Optional.ofNullable(xml.getAttributeValue(null, "code")).orElse("(no code)");
            errors.add(new OaiError(code, text().strip()));
        } else {
            responseDate = Optional.of(datestamp(text()));
        }
    }

    private void throwErrors(Optional<String> requestToken) {
        if (errors.isEmpty()) {
            return;
        }
        OaiError first = errors.stream().filter(e -> e.code().equals("badResumptionToken")).findFirst()
                .orElse(errors.getFirst());
        if (first.code().equals("badResumptionToken")) {
            throw new BadResumptionTokenException(url, requestToken.orElse(""), first.message());
        }
        throw new OaiPmhException(url, first.code(), first.message());
    }

    // --- StAX navigation: each method leaves the reader on an element's end tag or the next child's start.

    private void enterRoot() throws XMLStreamException {
        xml.nextTag();
        if (!xml.getLocalName().equals("OAI-PMH")) {
            throw unusable("not an OAI-PMH response: the document is <" + xml.getLocalName() + ">");
        }
    }

    /** Moves to the next child element of the current element; false at the current element's end. */
    private boolean nextChild() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    private String text() throws XMLStreamException {
        return xml.getElementText();
    }

    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private Optional<Integer> intAttribute(String name) {
        String value = xml.getAttributeValue(null, name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.valueOf(value.strip()));
        } catch (NumberFormatException e) {
            throw unusable("resumptionToken " + name + "='" + value + "' is not a number");
        }
    }

    /** Both granularities are accepted whatever the repository declares: real providers mix them. */
    private Instant datestamp(String value) {
        String v = value.strip();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw unusable("'" + value + "' is not an OAI-PMH datestamp (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)");
        }
    }

    private String require(String value, String element) {
        if (value == null || value.isBlank()) {
            throw unusable("the Identify response has no <" + element + ">");
        }
        return value.strip();
    }

    private OaiResponseException unusable(String problem) {
        Location at = xml.getLocation();
        return new OaiResponseException(url, problem + " (line " + at.getLineNumber() + ", column "
                + at.getColumnNumber() + ")");
    }

    private static OaiResponseException malformed(URI url, XMLStreamException e) {
        Location at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        String message = String.valueOf(e.getMessage());
        int detail = message.indexOf("Message: ");
        return new OaiResponseException(url, "the XML is not well-formed" + where + ": "
                + (detail < 0 ? message : message.substring(detail + 9)).replaceAll("\\s+", " ").strip()
                + ". Records of earlier pages were delivered; resume from the last checkpoint once the provider is fixed.");
    }

    /** A read that failed because the connection broke is an I/O error to retry, not bad XML. */
    private static Optional<IOException> ioCause(XMLStreamException e) {
        for (Throwable t = e.getNestedException() != null ? e.getNestedException() : e.getCause(); t != null;
                t = t.getCause()) {
            if (t instanceof IOException io) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // Closing a reader frees parser state only; the body stream is closed by its owner.
            }
        }
    }
}

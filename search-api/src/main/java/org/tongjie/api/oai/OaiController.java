package org.tongjie.api.oai;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tongjie.api.xml.XmlOutput;
import org.tongjie.catalog.Library;
import org.tongjie.indexer.Catalog;
import org.tongjie.store.PublishedUnions;

/**
 * The OAI-PMH 2.0 provider at /oai over union records, so regional and national aggregators can harvest the
 * hub: a set per member library, oai_dc and MARCXML (with an 852 per copy), persistent deleted records, and
 * resumption tokens keyed on (datestamp, id). Errors are OAI-PMH error elements with HTTP 200, as the
 * protocol says, not JSON.
 */
public final class OaiController {
    static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";
    static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    static final String OAI_IDENTIFIER_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier";
    /**
     * The repository part of identifiers when the network names none: not a domain name, so the oai-identifier
     * description (which requires one) is left out; kept so that harvested identifiers stay as they were.
     */
    public static final String DEFAULT_REPOSITORY_IDENTIFIER = "tongjie";
    /** The oai-identifier scheme's repositoryIdentifier: a domain name the network controls. */
    private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile(
            "[a-zA-Z][a-zA-Z0-9\\-]*(\\.[a-zA-Z][a-zA-Z0-9\\-]*)+");
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** Identify must name a contact; a network sets its own (the integrator's HubConfig is the place for it). */
    public static final String DEFAULT_ADMIN_EMAIL = "catalogue@tongjie.invalid";
    public static final String DEFAULT_REPOSITORY_NAME = "Tongjie union catalogue";
    private static final Map<String, Set<String>> VERBS = Map.of(
            "Identify", Set.of(),
            "ListMetadataFormats", Set.of("identifier"),
            "ListSets", Set.of("resumptionToken"),
            "GetRecord", Set.of("identifier", "metadataPrefix"),
            "ListIdentifiers", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
            "ListRecords", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"));

    private final Catalog catalog;
    private final Clock clock;
    private final String adminEmail;
    private final String repositoryName;
    private final String repositoryIdentifier;
    private final OaiRecords records;

    public OaiController(Catalog catalog, Clock clock, String adminEmail) {
        this(catalog, clock, adminEmail, DEFAULT_PAGE_SIZE);
    }

    /** With {@code pageSize} records or headers per page. */
    public OaiController(Catalog catalog, Clock clock, String adminEmail, int pageSize) {
        this(catalog, clock, adminEmail, DEFAULT_REPOSITORY_NAME, pageSize);
    }

    /** With the name Identify gives the repository. */
    public OaiController(Catalog catalog, Clock clock, String adminEmail, String repositoryName, int pageSize) {
        this(catalog, clock, adminEmail, repositoryName, DEFAULT_REPOSITORY_IDENTIFIER, pageSize);
    }

    /**
     * With the repository identifier of identifiers ({@code oai:REPOSITORY:UNION-ID}); a domain name (the
     * oai-identifier scheme's) also puts the oai-identifier description in Identify.
     */
    public OaiController(Catalog catalog, Clock clock, String adminEmail, String repositoryName, String repositoryIdentifier,
            int pageSize) {
        if (!repositoryIdentifier.matches("[a-zA-Z][a-zA-Z0-9\\-]*(\\.[a-zA-Z][a-zA-Z0-9\\-]*)*")) {
            throw new IllegalArgumentException("an OAI repository identifier is a domain name, was '" + repositoryIdentifier + "'");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("an OAI-PMH page holds at least one record, was " + pageSize);
        }
        this.catalog = catalog;
        this.clock = clock;
        this.adminEmail = adminEmail;
        this.repositoryName = repositoryName;
        this.repositoryIdentifier = repositoryIdentifier;
        this.records = new OaiRecords(catalog, pageSize, "oai:" + repositoryIdentifier + ":");
    }

    /**
     * Answers in one document; an error starts the document over, so that it holds one {@code request}
     * element (bare for badVerb and badArgument, as the protocol wants) and nothing of a half-written answer.
     */
    public void handle(Context ctx) throws XMLStreamException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String baseUrl = baseUrl(ctx);
        Map<String, List<String>> params = ctx.method().name().equals("POST") ? ctx.formParamMap() : ctx.queryParamMap();
        String verb = null;
        Map<String, String> args = Map.of();
        XmlOutput doc;
        try {
            verb = verb(params);
            args = arguments(verb, params);
            doc = start(now);
            request(doc, baseUrl, verb, args);
            answer(doc, verb, args, baseUrl);
        } catch (OaiError e) {
            doc = start(now);
            if (verb == null || e.code() == OaiError.Code.badVerb || e.code() == OaiError.Code.badArgument) {
                doc.element(OAI_NS, "request", baseUrl);
            } else {
                request(doc, baseUrl, verb, args);
            }
            XMLStreamWriter out = doc.writer();
            out.writeStartElement(OAI_NS, "error");
            out.writeAttribute("code", e.code().name());
            out.writeCharacters(xmlChars(e.getMessage()));
            out.writeEndElement();
        }
        doc.writer().writeEndElement();
        ctx.contentType("text/xml; charset=UTF-8").result(doc.text());
    }

    /**
     * The URL harvesters reach this provider at. Behind a reverse proxy that is the proxy's, which says it in
     * the de-facto headers X-Forwarded-Proto, -Host and -Prefix (what Spring, Traefik and nginx set); they only
     * change what this answer names, never what it holds.
     */
    static String baseUrl(Context ctx) {
        String scheme = forwarded(ctx, "X-Forwarded-Proto").filter(p -> p.equals("http") || p.equals("https")).orElse(ctx.scheme());
        String host = forwarded(ctx, "X-Forwarded-Host").filter(h -> h.matches("[A-Za-z0-9.\\-\\[\\]:]+")).orElse(ctx.host());
        String prefix = forwarded(ctx, "X-Forwarded-Prefix").filter(p -> p.matches("/[A-Za-z0-9._~/\\-]*"))
                .map(p -> p.endsWith("/") ? p.substring(0, p.length() - 1) : p).orElse("");
        return scheme + "://" + host + prefix + "/oai";
    }

    /** The first value of a forwarded header (a chain of proxies lists the client-facing one first). */
    private static Optional<String> forwarded(Context ctx, String header) {
        return Optional.ofNullable(ctx.header(header)).map(v -> v.split(",")[0].strip()).filter(v -> !v.isEmpty());
    }

    private static XmlOutput start(Instant now) throws XMLStreamException {
        XmlOutput doc = XmlOutput.document();
        XMLStreamWriter out = doc.writer();
        out.setDefaultNamespace(OAI_NS);
        out.writeStartElement(OAI_NS, "OAI-PMH");
        out.writeDefaultNamespace(OAI_NS);
        out.writeNamespace("xsi", XSI_NS);
        out.writeAttribute(XSI_NS, "schemaLocation", OAI_NS + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
        doc.element(OAI_NS, "responseDate", now.toString());
        return doc;
    }

    private static String verb(Map<String, List<String>> params) {
        List<String> verbs = params.getOrDefault("verb", List.of());
        if (verbs.size() != 1 || !VERBS.containsKey(verbs.getFirst())) {
            throw new OaiError(OaiError.Code.badVerb, verbs.isEmpty() ? "no verb" : verbs.size() > 1 ? "verb is repeated"
                    : "'" + verbs.getFirst() + "' is not an OAI-PMH verb");
        }
        return verbs.getFirst();
    }

    private static Map<String, String> arguments(String verb, Map<String, List<String>> params) {
        var args = new LinkedHashMap<String, String>();
        for (var entry : params.entrySet()) {
            if (entry.getKey().equals("verb")) {
                continue;
            }
            if (!VERBS.get(verb).contains(entry.getKey())) {
                throw new OaiError(OaiError.Code.badArgument, "'" + entry.getKey() + "' is not an argument of " + verb);
            }
            if (entry.getValue().size() != 1) {
                throw new OaiError(OaiError.Code.badArgument, "'" + entry.getKey() + "' is repeated");
            }
            args.put(entry.getKey(), entry.getValue().getFirst());
        }
        return args;
    }

    private static void request(XmlOutput doc, String baseUrl, String verb, Map<String, String> args) throws XMLStreamException {
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(OAI_NS, "request");
        out.writeAttribute("verb", verb);
        for (var arg : args.entrySet()) {
            out.writeAttribute(arg.getKey(), xmlChars(arg.getValue()));
        }
        out.writeCharacters(baseUrl);
        out.writeEndElement();
    }

    /**
     * What a harvester sent, as XML 1.0 can carry it: echoed in the request element and in error messages, a
     * control character (%00, %01 in a token or identifier) would make the whole answer unreadable.
     */
    static String xmlChars(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(out::appendCodePoint);
        return out.toString();
    }

    private void answer(XmlOutput doc, String verb, Map<String, String> args, String baseUrl) throws XMLStreamException {
        switch (verb) {
            case "Identify" -> identify(doc, baseUrl);
            case "ListMetadataFormats" -> listMetadataFormats(doc, args);
            case "ListSets" -> listSets(doc, args);
            case "GetRecord" -> records.getRecord(doc, require(args, "identifier"), MetadataFormat.of(require(args, "metadataPrefix")));
            case "ListIdentifiers" -> records.list(doc, ListRequest.of(args), false);
            case "ListRecords" -> records.list(doc, ListRequest.of(args), true);
            default -> throw new IllegalStateException("verb checked above: " + verb);
        }
    }

    private static String require(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null) {
            throw new OaiError(OaiError.Code.badArgument, name + " is required");
        }
        return value;
    }

    private void identify(XmlOutput doc, String baseUrl) throws XMLStreamException {
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(OAI_NS, "Identify");
        doc.element(OAI_NS, "repositoryName", repositoryName);
        doc.element(OAI_NS, "baseURL", baseUrl);
        doc.element(OAI_NS, "protocolVersion", "2.0");
        doc.element(OAI_NS, "adminEmail", adminEmail);
        doc.element(OAI_NS, "earliestDatestamp",
                catalog.feed().earliest().orElse(clock.instant().truncatedTo(ChronoUnit.SECONDS)).toString());
        doc.element(OAI_NS, "deletedRecord", "persistent");
        doc.element(OAI_NS, "granularity", "YYYY-MM-DDThh:mm:ssZ");
        if (DOMAIN.matcher(repositoryIdentifier).matches()) {
            identifierDescription(doc);
        }
        out.writeEndElement();
    }

    /** The oai-identifier description: how this repository's identifiers are made, with one of them. */
    private void identifierDescription(XmlOutput doc) throws XMLStreamException {
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(OAI_NS, "description");
        out.setPrefix("", OAI_IDENTIFIER_NS);
        out.writeStartElement(OAI_IDENTIFIER_NS, "oai-identifier");
        out.writeDefaultNamespace(OAI_IDENTIFIER_NS);
        out.writeAttribute(XSI_NS, "schemaLocation", OAI_IDENTIFIER_NS + " http://www.openarchives.org/OAI/2.0/oai-identifier.xsd");
        doc.element(OAI_IDENTIFIER_NS, "scheme", "oai");
        doc.element(OAI_IDENTIFIER_NS, "repositoryIdentifier", repositoryIdentifier);
        doc.element(OAI_IDENTIFIER_NS, "delimiter", ":");
        String sample = catalog.feed().list(new PublishedUnions.Window(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), 1).stream().findFirst()
                .map(PublishedUnions.Entry::unionId).orElse("UNION-RECORD-ID");
        doc.element(OAI_IDENTIFIER_NS, "sampleIdentifier", records.identifier(sample));
        out.writeEndElement();
        out.setPrefix("", OAI_NS);
        out.writeEndElement();
    }

    private void listMetadataFormats(XmlOutput doc, Map<String, String> args) throws XMLStreamException {
        List<MetadataFormat> formats = args.containsKey("identifier")
                ? records.formats(args.get("identifier")) : List.of(MetadataFormat.values());
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(OAI_NS, "ListMetadataFormats");
        for (MetadataFormat format : formats) {
            out.writeStartElement(OAI_NS, "metadataFormat");
            doc.element(OAI_NS, "metadataPrefix", format.prefix);
            doc.element(OAI_NS, "schema", format.schema);
            doc.element(OAI_NS, "metadataNamespace", format.namespace);
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    /** A set per member library: its id is the setSpec. The directory is small enough for one page. */
    private void listSets(XmlOutput doc, Map<String, String> args) throws XMLStreamException {
        if (args.containsKey("resumptionToken")) {
            throw new OaiError(OaiError.Code.badResumptionToken, "ListSets is answered in one page; there is nothing to resume");
        }
        XMLStreamWriter out = doc.writer();
        out.writeStartElement(OAI_NS, "ListSets");
        for (Library library : catalog.libraries().all()) {
            out.writeStartElement(OAI_NS, "set");
            doc.element(OAI_NS, "setSpec", library.id());
            doc.element(OAI_NS, "setName", library.nameZh() + " / " + library.nameEn());
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    static PublishedUnions.Cursor cursorOf(PublishedUnions.Entry entry) {
        return new PublishedUnions.Cursor(entry.datestamp(), entry.unionId());
    }
}

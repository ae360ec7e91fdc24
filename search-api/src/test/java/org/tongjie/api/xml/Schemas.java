package org.tongjie.api.xml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.tongjie.testing.SharedData;
import org.xml.sax.SAXException;

/**
 * The published schemas an answer must satisfy, from ../shared/data: one schema document per protocol that
 * imports the protocol's schema and the schemas of the records it carries (OAI-PMH's metadata is checked
 * strictly, so MARC21slim, MarcXchange and oai_dc must be known). The same file serves javax.xml.validation
 * and xmllint, whose imports of a namespace already imported are skipped (the OASIS SRU schemas import each
 * other from the web, which this machine cannot reach).
 */
public final class Schemas {
    public static final String MARC21_SLIM = "iso18626-crosslink/marcxml/xsd/MARC21slim.xsd";
    public static final String MARCXCHANGE = "xbib-marc-test-resources/marcxchange-2-0.xsd";

    private Schemas() {}

    /** OAI-PMH 2.0 with oai_dc, MARC21slim and MarcXchange 2.0. */
    public static Path oaiPmh(Path dir) throws IOException {
        var imports = new LinkedHashMap<String, String>();
        imports.put("http://www.openarchives.org/OAI/2.0/", "schemas/oai-pmh/OAI-PMH.xsd");
        imports.put("http://www.openarchives.org/OAI/2.0/oai_dc/", "schemas/oai-pmh/oai_dc.xsd");
        imports.put("http://www.loc.gov/MARC21/slim", MARC21_SLIM);
        imports.put("info:lc/xmlns/marcxchange-v2", MARCXCHANGE);
        imports.put("http://www.openarchives.org/OAI/2.0/oai-identifier", "classpath:/org/tongjie/api/oai/oai-identifier.xsd");
        return wrapper(dir.resolve("oai-pmh-all.xsd"), imports);
    }

    /** SRU 2.0 (OASIS searchRetrieve and scan) with the records it carries. */
    public static Path sru2(Path dir) throws IOException {
        var imports = new LinkedHashMap<String, String>();
        String oasis = "iso18626-crosslink/sru/xsd/";
        imports.put("http://docs.oasis-open.org/ns/search-ws/diagnostic", oasis + "diagnostic.xsd");
        imports.put("http://docs.oasis-open.org/ns/search-ws/xcql", oasis + "xcql.xsd");
        imports.put("http://docs.oasis-open.org/ns/search-ws/facetedResults", oasis + "facetedResults.xsd");
        imports.put("http://docs.oasis-open.org/ns/search-ws/searchResultAnalysis", oasis + "searchResultAnalysis.xsd");
        imports.put("http://docs.oasis-open.org/ns/search-ws/scan", oasis + "scan.xsd");
        imports.put("http://docs.oasis-open.org/ns/search-ws/sruResponse", oasis + "sruResponse.xsd");
        imports.put("http://www.loc.gov/MARC21/slim", MARC21_SLIM);
        imports.put("info:lc/xmlns/marcxchange-v2", MARCXCHANGE);
        return wrapper(dir.resolve("sru2-all.xsd"), imports);
    }

    private static Path wrapper(Path file, Map<String, String> imports) throws IOException {
        var xsd = new StringBuilder("<?xml version=\"1.0\"?>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n");
        imports.forEach((namespace, path) -> xsd.append("  <xs:import namespace=\"").append(namespace)
                .append("\" schemaLocation=\"").append(location(path)).append("\"/>\n"));
        Files.writeString(file, xsd.append("</xs:schema>\n"));
        return file;
    }

    private static java.net.URI location(String path) {
        if (path.startsWith("classpath:")) {
            try {
                return java.util.Objects.requireNonNull(Schemas.class.getResource(path.substring("classpath:".length())), path).toURI();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return SharedData.file(path).toUri();
    }

    public static Schema load(Path xsd) {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile());
        } catch (SAXException e) {
            throw new IllegalStateException("the schemas of " + xsd + " do not load", e);
        }
    }

    /** Validates with the JDK's validator; the failure names what was validated and where the answer broke. */
    public static void assertValid(Schema schema, String xml, String what) {
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new AssertionError(what + " is not valid: " + e.getMessage() + "\n" + excerpt(xml, e), e);
        }
    }

    private static String excerpt(String xml, Exception e) {
        if (e instanceof org.xml.sax.SAXParseException p && p.getLineNumber() > 0) {
            List<String> lines = xml.lines().toList();
            int line = Math.min(p.getLineNumber(), lines.size()) - 1;
            String text = lines.get(line);
            int column = Math.max(0, Math.min(text.length(), p.getColumnNumber()) - 1);
            return text.substring(Math.max(0, column - 300), Math.min(text.length(), column + 100));
        }
        return xml.substring(0, Math.min(2000, xml.length()));
    }

    /** Runs xmllint --schema on the files; returns its output, asserting it says each validates. */
    public static String xmllint(Path xsd, List<Path> files) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("/usr/bin/xmllint", "--noout", "--schema", xsd.toString()));
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "xmllint did not finish");
        assertTrue(process.exitValue() == 0, "xmllint refused:\n" + out.substring(0, Math.min(out.length(), 4000)));
        return out;
    }
}

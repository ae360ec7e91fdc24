package org.tongjie.harvest.oai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stax.StAXSource;
import javax.xml.transform.stream.StreamResult;
import org.tongjie.testing.Required;
import org.tongjie.testing.SharedData;

/**
 * The Library of Congress MARCXML samples that ship with Zebra (106 records in six collections), split
 * into standalone {@code record} elements. Split with the JDK's identity transform, not with the
 * client's own copying code, so the fixtures do not depend on what they test.
 */
final class MarcXmlFixtures {
    private static final String SHARED = "idzebra-examples/marcxml";
    private static final Path DEBIAN = Path.of("/usr/share/doc/idzebra-2.0/examples/marcxml");

    private MarcXmlFixtures() {}

    /** A real record and the collection (file) it came from, e.g. {@code opera-43}. */
    record FixtureRecord(String collection, byte[] marcxml) {}

    static List<FixtureRecord> lcSamples() {
        List<Path> files = collections(SharedData.root().resolve(SHARED));
        if (files.isEmpty()) {
            files = collections(DEBIAN);
        }
        Required.that(!files.isEmpty(), "MARCXML samples in " + SharedData.root().resolve(SHARED) + " or " + DEBIAN
                + ": apt-get install -y idzebra-2.0-examples (./tongjie test does)");
        var records = new ArrayList<FixtureRecord>();
        for (Path file : files) {
            String collection = file.getFileName().toString().replaceFirst("^collection-", "")
                    .replaceFirst("\\.xml(\\.gz)?$", "");
            split(file).forEach(raw -> records.add(new FixtureRecord(collection, raw)));
        }
        return List.copyOf(records);
    }

    private static List<Path> collections(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches("collection-.*\\.xml(\\.gz)?")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<byte[]> split(Path file) {
        try (InputStream in = open(file)) {
            XMLStreamReader xml = XMLInputFactory.newDefaultFactory().createXMLStreamReader(in);
            var out = new ArrayList<byte[]>();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("record")) {
                    out.add(copy(xml));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException | TransformerException e) {
            throw new IllegalStateException("cannot split " + file, e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    private static byte[] copy(XMLStreamReader xml) throws TransformerException {
        var transformer = TransformerFactory.newDefaultInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        var bytes = new ByteArrayOutputStream();
        transformer.transform(new StAXSource(xml), new StreamResult(bytes));
        return bytes.toByteArray();
    }
}

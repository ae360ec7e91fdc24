package org.tongjie.ill.iso18626;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Namespace-aware DOM parsing with no DTDs or external entities, and child lookups in the ISO namespace. */
final class Dom {
    private static final DocumentBuilderFactory FACTORY = factory();

    private Dom() {}

    private static DocumentBuilderFactory factory() {
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM parser refuses secure settings", e);
        }
    }

    static Document parse(byte[] xml) throws SAXException, IOException {
        DocumentBuilder builder;
        try {
            builder = FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no DOM parser", e);
        }
        builder.setErrorHandler(new org.xml.sax.ErrorHandler() { // throw, rather than print to stderr
            @Override
            public void warning(org.xml.sax.SAXParseException e) {
                // not an error
            }

            @Override
            public void error(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return builder.parse(new ByteArrayInputStream(xml));
    }

    /** The child elements of {@code parent} named {@code name} in the ISO 18626 namespace. */
    static List<Element> children(Element parent, String name) {
        var out = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && Iso18626.NAMESPACE.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** The child's text, trimmed; empty when the child is missing or blank. */
    static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty());
    }

    static Optional<Element> firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}

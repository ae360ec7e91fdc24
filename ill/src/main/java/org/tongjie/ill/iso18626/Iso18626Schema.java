package org.tongjie.ill.iso18626;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The ISO 18626 v1.2 schema, and the first violation of it in a message, classified into the schema's
 * own error types. The XSD is a resource of this module ({@value #RESOURCE}, its source and checksum in
 * {@code iso18626/SOURCE.txt}), so every build validates with it. Thread-safe.
 */
public final class Iso18626Schema {
    public static final String RESOURCE = "iso18626/ISO-18626-v1_2.xsd";
    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";

    private final Schema schema;
    private final Set<String> declaredElements;

    private Iso18626Schema(Schema schema, Set<String> declaredElements) {
        this.schema = schema;
        this.declaredElements = declaredElements;
    }

    /** The schema this module ships, compiled once on first use. */
    public static Iso18626Schema fromClasspath() {
        return Bundled.SCHEMA;
    }

    private static final class Bundled {
        static final Iso18626Schema SCHEMA =
                load(Iso18626Schema.class.getClassLoader().getResource(RESOURCE), "classpath:" + RESOURCE);
    }

    /**
     * @throws IllegalStateException when {@code url} is null or not a schema: only a damaged ill jar lacks it,
     *                               and the hub does not start rather than take ISO 18626 messages unvalidated
     */
    static Iso18626Schema load(URL url, String where) {
        if (url == null) {
            throw new IllegalStateException("the ISO 18626 v1.2 schema is missing (" + where + "): it is a resource of "
                    + "the ill module (src/main/resources/" + RESOURCE + "), so this ill jar or class path is damaged; "
                    + "rebuild it");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Schema schema = factory.newSchema(url);
            return new Iso18626Schema(schema, declaredElements(url));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("the ISO 18626 schema at " + where + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Set<String> declaredElements(URL url) throws IOException, SAXException {
        try (InputStream in = url.openStream()) {
            Document xsd = Dom.parse(in.readAllBytes());
            var names = new HashSet<String>();
            var elements = xsd.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
            for (int i = 0; i < elements.getLength(); i++) {
                String name = ((Element) elements.item(i)).getAttribute("name");
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return Set.copyOf(names);
        }
    }

    /** The first way {@code message} breaks the schema, as the error type an ISO 18626 peer understands. */
    Optional<Iso18626.ErrorData> firstViolation(Document message) {
        Validator validator = schema.newValidator();
        var first = new SAXParseException[1];
        var at = new Element[1];
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a message invalid
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                first[0] = e;
                try {
                    at[0] = validator.getProperty(CURRENT_ELEMENT) instanceof Element el ? el : null;
                } catch (SAXException unknownProperty) {
                    at[0] = null;
                }
                throw e; // the first violation is the one reported
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                error(e);
            }
        });
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(message));
            return Optional.empty();
        } catch (SAXException | IOException e) {
            SAXParseException v = first[0];
            if (v == null) {
                return Optional.of(new Iso18626.ErrorData(Iso18626.ErrorType.BadlyFormedMessage, e.getMessage()));
            }
            return Optional.of(classify(v.getMessage(), Optional.ofNullable(at[0])));
        }
    }

    private Iso18626.ErrorData classify(String message, Optional<Element> at) {
        String key = message.contains(":") ? message.substring(0, message.indexOf(':')) : message;
        String name = at.map(e -> e.getLocalName()).orElse("");
        String value = at.map(Iso18626Schema::path).map(p -> p + ": ").orElse("") + message;
        Iso18626.ErrorType type;
        if (key.startsWith("cvc-enumeration-valid") || key.startsWith("cvc-datatype-valid") || key.startsWith("cvc-type.3")) {
            type = switch (name) {
                case "action" -> Iso18626.ErrorType.UnsupportedActionType;
                case "reasonForMessage" -> Iso18626.ErrorType.UnsupportedReasonForMessageType;
                default -> Iso18626.ErrorType.UnrecognisedDataValue;
            };
        } else if ((key.equals("cvc-complex-type.2.4.a") || key.equals("cvc-complex-type.2.4.d"))
                && at.isPresent() && !declared(at.get())) {
            type = Iso18626.ErrorType.UnrecognisedDataElement;
        } else {
            type = Iso18626.ErrorType.BadlyFormedMessage;
        }
        return new Iso18626.ErrorData(type, value);
    }

    private boolean declared(Element e) {
        return Iso18626.NAMESPACE.equals(e.getNamespaceURI()) && declaredElements.contains(e.getLocalName());
    }

    /** Where in the message, e.g. ISO18626Message/requestingAgencyMessage/action. */
    private static String path(Element e) {
        var out = new StringBuilder(e.getLocalName());
        for (Node p = e.getParentNode(); p instanceof Element parent; p = parent.getParentNode()) {
            out.insert(0, parent.getLocalName() + "/");
        }
        return out.toString();
    }
}

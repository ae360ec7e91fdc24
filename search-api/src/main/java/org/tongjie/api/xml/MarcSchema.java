package org.tongjie.api.xml;

import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.UnionRecord;

/**
 * The two XML forms a MARC record is served in. MARC21slim (the Library of Congress's MARCXML) is for MARC21
 * only: its patterns refuse a UNIMARC leader. MarcXchange (ISO 25577) carries any MARC format, named in the
 * record's {@code format} attribute, so UNIMARC and CNMARC records go there and are never labelled MARC21.
 */
public enum MarcSchema {
    MARC21_SLIM("http://www.loc.gov/MARC21/slim", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd"),
    MARCXCHANGE("info:lc/xmlns/marcxchange-v2", "http://www.loc.gov/standards/iso25577/marcxchange-2-0.xsd");

    private final String namespace;
    private final String location;

    MarcSchema(String namespace, String location) {
        this.namespace = namespace;
        this.location = location;
    }

    public String namespace() {
        return namespace;
    }

    /** Where the schema is published, for {@code xsi:schemaLocation}. */
    public String location() {
        return location;
    }

    /** The form a union record's description can be served in without calling it what it is not. */
    public static MarcSchema of(UnionRecord union) {
        return union.description().profile() == MarcProfile.UNIMARC ? MARCXCHANGE : MARC21_SLIM;
    }

    /** MarcXchange's {@code format} attribute for a union record. */
    static String format(UnionRecord union) {
        return union.description().profile() == MarcProfile.UNIMARC ? "UNIMARC" : "MARC21";
    }
}

package org.tongjie.api.oai;

import org.tongjie.api.xml.MarcSchema;
import org.tongjie.catalog.UnionRecord;

/**
 * The metadata formats disseminated; marc21 and marcxml are the same MARCXML under the two prefixes harvesters
 * use, and hold the MARC21 union records only (MARC21slim cannot carry a UNIMARC record); marcxchange holds
 * every union record, its format (MARC21, UNIMARC) in the record's attribute.
 */
enum MetadataFormat {
    OAI_DC("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/"),
    MARCXML("marcxml", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd", "http://www.loc.gov/MARC21/slim"),
    MARC21("marc21", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd", "http://www.loc.gov/MARC21/slim"),
    MARCXCHANGE("marcxchange", MarcSchema.MARCXCHANGE.location(), MarcSchema.MARCXCHANGE.namespace());

    final String prefix;
    final String schema;
    final String namespace;

    MetadataFormat(String prefix, String schema, String namespace) {
        this.prefix = prefix;
        this.schema = schema;
        this.namespace = namespace;
    }

    /** Whether the union record can be given in this format (a deleted record has every format). */
    boolean serves(UnionRecord union) {
        return (this != MARCXML && this != MARC21) || MarcSchema.of(union) == MarcSchema.MARC21_SLIM;
    }

    static MetadataFormat of(String prefix) {
        for (MetadataFormat f : values()) {
            if (f.prefix.equals(prefix)) {
                return f;
            }
        }
        throw new OaiError(OaiError.Code.cannotDisseminateFormat,
                "metadataPrefix '" + prefix + "' is not served; oai_dc, marcxml, marc21 and marcxchange are");
    }
}

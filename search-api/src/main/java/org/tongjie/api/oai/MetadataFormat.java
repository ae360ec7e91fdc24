package org.tongjie.api.oai;


/** The metadata formats disseminated; marc21 and marcxml are the same MARCXML under the two prefixes harvesters use. */
enum MetadataFormat {
    OAI_DC("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "http://www.openarchives.org/OAI/2.0/oai_dc/"),
    MARCXML("marcxml", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd", "http://www.loc.gov/MARC21/slim"),
    MARC21("marc21", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd", "http://www.loc.gov/MARC21/slim");

    final String prefix;
    final String schema;
    final String namespace;

    MetadataFormat(String prefix, String schema, String namespace) {
        this.prefix = prefix;
        this.schema = schema;
        this.namespace = namespace;
    }

    static MetadataFormat of(String prefix) {
        for (MetadataFormat f : values()) {
            if (f.prefix.equals(prefix)) {
                return f;
            }
        }
        throw new OaiError(OaiError.Code.cannotDisseminateFormat,
                "metadataPrefix '" + prefix + "' is not served; oai_dc, marcxml and marc21 are");
    }
}

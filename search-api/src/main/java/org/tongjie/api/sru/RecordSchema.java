package org.tongjie.api.sru;

import java.util.Optional;
import org.tongjie.api.xml.MarcSchema;

/**
 * The record schemas served, by short name or identifier. A UNIMARC record asked for in marcxml comes in
 * marcxchange, and its recordSchema says so: MARC21slim cannot carry it.
 */
enum RecordSchema {
    MARCXML("marcxml", "info:srw/schema/1/marcxml-v1.1", "MARCXML of the describing record, one 852 per copy"),
    DC("dc", "info:srw/schema/1/dc-v1.1", "Dublin Core"),
    MARCXCHANGE("marcxchange", MarcSchema.MARCXCHANGE.namespace(),
            "MarcXchange (ISO 25577) of every record, UNIMARC and CNMARC ones as format UNIMARC; one 852 per copy");

    final String shortName;
    final String identifier;
    final String title;

    RecordSchema(String shortName, String identifier, String title) {
        this.shortName = shortName;
        this.identifier = identifier;
        this.title = title;
    }

    static Optional<RecordSchema> of(String name) {
        for (RecordSchema s : values()) {
            if (s.shortName.equalsIgnoreCase(name) || s.identifier.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

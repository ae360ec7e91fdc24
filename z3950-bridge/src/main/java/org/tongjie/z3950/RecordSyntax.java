package org.tongjie.z3950;

import java.util.Locale;
import java.util.Optional;

/**
 * The record syntax the hub asks a Z39.50 target for, the one a fetched record came in, and the one a
 * client asks our server for.
 */
public enum RecordSyntax {
    /** MARC21 as ISO 2709, the octets exactly as the target sent them (unless a charset is configured). */
    USMARC("usmarc", Optional.of("F")),
    /** UNIMARC (and CNMARC) as ISO 2709, the octets exactly as the target sent them. */
    UNIMARC("unimarc", Optional.of("F")),
    /**
     * MARCXML made on our side by YAZ from the ISO 2709 the target sends: most Z39.50 targets offer MARC
     * only, and those that offer XML disagree on the element set that asks for MARCXML. YAZ sets leader/09
     * to 'a' (Unicode) in it, so give a MARC-8 target its charset ("marc8") or the XML will lie.
     */
    MARCXML("usmarc", Optional.of("F")),
    /**
     * The target's own XML (Z39.50 syntax XML), as sent. yaz-ztest answers MARCXML; Zebra's grs filters
     * answer MARCXML with an {@code idzebra} element of their own appended.
     */
    XML("xml", Optional.empty()),
    /**
     * The OPAC record syntax (1.2.840.10003.5.102): a MARC record with holdings data, one holding per copy.
     * Served by our server; not asked of targets.
     */
    OPAC("opac", Optional.of("F"));

    /** The ZOOM "preferredRecordSyntax" option. */
    final String requested;
    /**
     * The ZOOM "elementSetName" option: "F" (full records) for MARC, nothing for XML, since yaz-ztest
     * answers "F" for XML with Bib-1 diagnostic 14.
     */
    final Optional<String> elementSet;

    RecordSyntax(String requested, Optional<String> elementSet) {
        this.requested = requested;
        this.elementSet = elementSet;
    }

    /** The syntax a record came in, from YAZ's name for its OID ("USmarc", "Unimarc", "XML", "text-XML"). */
    static Optional<RecordSyntax> ofOidName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "usmarc" -> Optional.of(USMARC);
            case "unimarc" -> Optional.of(UNIMARC);
            case "xml", "text-xml", "application-xml" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    boolean isMarc() {
        return this != XML && this != OPAC;
    }
}

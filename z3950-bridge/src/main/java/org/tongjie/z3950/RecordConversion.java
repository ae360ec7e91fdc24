package org.tongjie.z3950;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * How a record YAZ holds becomes the bytes of a {@link FetchedRecord}, given what the target was asked for.
 *
 * @param target the target, for its syntax and charset
 * @param where  the target and record position, for errors
 */
record RecordConversion(ZoomTarget target, String where) {
    private static final int BIB1_SYNTAX_UNAVAILABLE = 238;
    /** MARC21 leader/09: ' ' MARC-8, 'a' UCS/Unicode. */
    private static final int LEADER_CODING = 9;

    /** The syntax the record came in; MARCXML when we were asked for it and got MARC to convert. */
    RecordSyntax syntaxOf(MemorySegment record) {
        String name = ZoomC.recordGet(record, "syntax")
                .map(bytes -> new String(bytes, StandardCharsets.US_ASCII))
                .orElse("none");
        RecordSyntax received = RecordSyntax.ofOidName(name).orElseThrow(() -> unusable(name));
        if (target.syntax() != RecordSyntax.MARCXML) {
            return received;
        }
        if (!received.isMarc()) {
            throw unusable(name);
        }
        return RecordSyntax.MARCXML;
    }

    byte[] bytes(MemorySegment record, RecordSyntax syntax) {
        if (syntax == RecordSyntax.MARCXML) {
            return rendered(record, "xml");
        }
        if (target.charset().isEmpty()) {
            return ZoomC.recordOctets(record).orElseThrow(() -> unrenderable("its octets"));
        }
        byte[] converted = rendered(record, "raw");
        return syntax == RecordSyntax.USMARC ? markedUnicode(converted) : converted;
    }

    /**
     * YAZ converts the data but leaves MARC21 leader/09 (character coding) as it was, so a record converted
     * from MARC-8 would still claim MARC-8 and a reader would decode its UTF-8 wrongly. UNIMARC declares its
     * character set in 100$a instead, which we leave alone.
     */
    private static byte[] markedUnicode(byte[] marc21) {
        if (marc21.length > LEADER_CODING) {
            marc21[LEADER_CODING] = 'a';
        }
        return marc21;
    }

    /** YAZ's rendering of the record, converted from the target's charset to UTF-8 when there is one. */
    private byte[] rendered(MemorySegment record, String type) {
        String spec = target.charset().map(charset -> type + "; charset=" + charset + ",utf-8").orElse(type);
        return ZoomC.recordGet(record, spec).orElseThrow(() -> unrenderable("\"" + spec + "\""));
    }

    private ZoomException unusable(String received) {
        return new ZoomException(where, "Bib-1", BIB1_SYNTAX_UNAVAILABLE, "Record not available in requested syntax",
                "the target sent " + received + " when asked for " + target.syntax());
    }

    private ZoomException unrenderable(String what) {
        return new ZoomException(where, "ZOOM", ZoomC.ERROR_DECODE, ZoomC.diagnosticText(ZoomC.ERROR_DECODE),
                "YAZ could not give " + what + " of this record (broken ISO 2709?)");
    }
}

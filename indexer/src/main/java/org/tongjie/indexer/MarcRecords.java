package org.tongjie.indexer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.Record;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.NotMarcException;
import org.tongjie.catalog.RecordSyntax;
import org.tongjie.catalog.SourceRecord;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;
import org.tongjie.marc.XmlSubtree;

/**
 * MARC records the way the hub reads them, for code outside the catalogue: reading ISO 2709 or MARCXML (told
 * from the content, with the hub's character-set guess), mapping a record to its description, and giving a
 * stored record back as ISO 2709 or MARCXML (what the Z39.50 server, SRU and OAI-PMH serve).
 */
public final class MarcRecords {
    private MarcRecords() {}

    /** One record read: where it stood (1 = first), its syntax, its bytes as sent and marc4j's reading of it. */
    public static final class Read {
        private final MarcEntry.Parsed parsed;

        private Read(MarcEntry.Parsed parsed) {
            this.parsed = parsed;
        }

        public long position() {
            return parsed.position();
        }

        public RecordSyntax syntax() {
            return parsed.syntax();
        }

        /** The bytes as sent; for MARCXML, the record element as a document of its own. */
        public byte[] raw() {
            return parsed.raw();
        }

        /**
         * marc4j's reading, decoded to Java strings whatever the record's character set. One object per read:
         * to change a record, parse its bytes again for a copy of your own.
         */
        public Record record() {
            return parsed.record();
        }

        /** True when the record is a bibliographic one (not authority, holdings or classification data). */
        public boolean usable() {
            return Normalizer.identify(parsed.record(), parsed.raw()) instanceof Normalizer.Identification.Usable;
        }

        /** True when leader/05 marks the record deleted. */
        public boolean deleted() {
            return Normalizer.identify(parsed.record(), parsed.raw()) instanceof Normalizer.Identification.Usable u
                    && u.deleted();
        }
    }

    /**
     * The first record in the bytes (ISO 2709 or MARCXML), if one reads.
     *
     * @throws NotMarcException if the bytes are neither ISO 2709 nor XML
     */
    public static Optional<Read> parse(byte[] raw) {
        return MarcSource.parseOne(raw).map(Read::new);
    }

    /**
     * The records of a MARC stream that read, in order, as they are read; close the stream to close
     * {@code in}. Records that do not read are passed over ({@link Catalog#ingest} quarantines them instead).
     *
     * @throws org.tongjie.catalog.NotMarcException if the stream is neither ISO 2709 nor XML
     */
    public static Stream<Read> read(InputStream in) {
        MarcSource source = MarcSource.open(in);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(source, Spliterator.ORDERED), false)
                .<Read>mapMulti((entry, out) -> {
                    if (entry instanceof MarcEntry.Parsed parsed) {
                        out.accept(new Read(parsed));
                    }
                })
                .onClose(() -> {
                    try {
                        source.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** The record's description as a member's would be indexed; empty when it is not a bibliographic record. */
    public static Optional<BibRecord> describe(String libraryId, Read read) {
        return Normalizer.normalize(libraryId, read.parsed);
    }

    /** As {@link #describe(String, Read)}, from bytes; empty when they hold no bibliographic record. */
    public static Optional<BibRecord> describe(String libraryId, byte[] raw) {
        return parse(raw).flatMap(read -> describe(libraryId, read));
    }

    /** Thrown when a stored record no longer reads as a bibliographic record; the message says which and why. */
    public static final class UnusableRecordException extends IllegalStateException {
        UnusableRecordException(String message) {
            super(message);
        }
    }

    /** Thrown when a record is asked for in the other profile's syntax (USMARC for UNIMARC, or the reverse). */
    public static final class WrongProfileException extends IllegalArgumentException {
        private final MarcProfile profile;

        WrongProfileException(MarcProfile profile) {
            super("the record is " + profile);
            this.profile = profile;
        }

        /** The record's own profile. */
        public MarcProfile profile() {
            return profile;
        }
    }

    /** A stored record's profile: MARC21, or UNIMARC (CNMARC). @throws UnusableRecordException */
    public static MarcProfile profile(SourceRecord source) {
        MarcEntry.Parsed parsed = parsed(source);
        return switch (Normalizer.identify(parsed.record(), parsed.raw())) {
            case Normalizer.Identification.Usable usable -> usable.profile();
            case Normalizer.Identification.Unusable unusable ->
                    throw new UnusableRecordException(source.recordId() + ": " + unusable.reason());
        };
    }

    /**
     * A stored bibliographic record as marc4j reads it, its fields in the order of the record's directory (as
     * YAZ writes them), not marc4j's order of the data's offsets. @throws UnusableRecordException
     */
    public static Record record(SourceRecord source) {
        profile(source);
        return inDirectoryOrder(source, parsed(source).record());
    }

    /**
     * A stored record as ISO 2709 in the profile asked for: exactly as the member sent it when it came as ISO
     * 2709 (a copy-catalogued record must be the original, not our re-encoding), otherwise written by marc4j in
     * UTF-8.
     *
     * @throws WrongProfileException  when the record is of the other profile, whose fields mean other things
     * @throws UnusableRecordException when the record no longer reads as a bibliographic record
     */
    public static byte[] iso2709(SourceRecord source, MarcProfile wanted) {
        MarcProfile profile = profile(source);
        if (profile != wanted) {
            throw new WrongProfileException(profile);
        }
        if (source.syntax() == RecordSyntax.ISO2709) {
            return source.raw();
        }
        Record record = parsed(source).record();
        char catalogued = record.getLeader().getCharCodingScheme();
        var out = new ByteArrayOutputStream();
        var writer = new MarcStreamWriter(out, "UTF-8");
        writer.write(unicode(record, profile));
        writer.close();
        byte[] bytes = out.toByteArray();
        if (profile == MarcProfile.UNIMARC) {
            bytes[9] = (byte) catalogued; // marc4j writes MARC21's 'a' there; in UNIMARC leader/09 is undefined
        }
        return bytes;
    }

    /** A stored record as MARCXML in UTF-8. @throws UnusableRecordException */
    public static byte[] marcXml(SourceRecord source) {
        MarcProfile profile = profile(source);
        var out = new ByteArrayOutputStream();
        var writer = new MarcXmlWriter(out, "UTF-8");
        writer.write(unicode(inDirectoryOrder(source, parsed(source).record()), profile));
        writer.close();
        return out.toByteArray();
    }

    /** marc4j reads an ISO 2709 record's fields in the order of their data; the directory's order is the record's. */
    private static Record inDirectoryOrder(SourceRecord source, Record record) {
        if (source.syntax() == RecordSyntax.ISO2709) {
            DirectoryOrder.of(source.raw()).reorder(record);
        }
        return record;
    }

    /**
     * The element the reader stands on, copied out as a standalone UTF-8 document with the namespaces it uses
     * declared: how a MARCXML record is cut out of a larger document (an OAI-PMH response). The reader is left
     * on the element's end tag.
     */
    public static byte[] standalone(XMLStreamReader xml) throws XMLStreamException {
        return XmlSubtree.copy(xml);
    }

    /**
     * marc4j has decoded the record to Java strings, whatever the member's charset, and we write UTF-8: a
     * MARC21 leader must say so (leader/09 'a') or a reader would take it for MARC-8. UNIMARC keeps its
     * character set in 100$a, which we leave as catalogued.
     */
    private static Record unicode(Record record, MarcProfile profile) {
        if (profile == MarcProfile.MARC21) {
            record.getLeader().setCharCodingScheme('a');
        }
        return record;
    }

    private static MarcEntry.Parsed parsed(SourceRecord source) {
        try {
            return MarcSource.parseOne(source.raw()).orElseThrow(() ->
                    new UnusableRecordException("stored record " + source.recordId() + " no longer parses"));
        } catch (NotMarcException e) {
            throw new UnusableRecordException("stored record " + source.recordId() + " is not MARC: " + e.getMessage());
        }
    }
}

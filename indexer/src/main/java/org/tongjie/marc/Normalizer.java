package org.tongjie.marc;

import java.util.Map;
import java.util.Optional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.marc4j.marc.Record;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.Encoding;
import org.tongjie.catalog.HoldingsMapping;
import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.catalog.SourceRecord;

/** Tells what a MARC record is (profile, local id, deleted or not) and maps it to a {@link BibRecord}. */
public final class Normalizer {
    /** Leader/06 values of authority, holdings, classification and community records, in both profiles. */
    private static final String NON_BIBLIOGRAPHIC_TYPES = "quvwxyz";
    private static final Map<MarcProfile, MappingTable> TABLES = Map.of(
            MarcProfile.MARC21, MappingTable.load("marc21.rules"),
            MarcProfile.UNIMARC, MappingTable.load("unimarc.rules"));

    private Normalizer() {}

    /** What ingest needs to know of a record before it stores it. */
    public sealed interface Identification {
        record Usable(String localId, MarcProfile profile, boolean deleted) implements Identification {}

        record Unusable(String reason) implements Identification {}
    }

    /** The prefix of the id given to a record that carries none of its own. */
    public static final String CONTENT_ID_PREFIX = "sha256:";

    /**
     * What describing a record outside any member needs ({@link #normalize(String, MarcEntry.Parsed)}): the
     * 001, or a digest of the bytes.
     */
    private static final RecordIdentity DESCRIBED = RecordIdentity.parse("001 or content");

    /** Whether the record is bibliographic, its profile, and its id as a description outside any member takes it. */
    public static Identification identify(Record record, byte[] raw) {
        return identify(record, raw, DESCRIBED);
    }

    /**
     * Whether the record is bibliographic, its profile, and its id read by the member's record identity; a
     * record without a value in that field is unusable, with the reason, unless the identity falls back to
     * the content.
     */
    public static Identification identify(Record record, byte[] raw, RecordIdentity identity) {
        if (identity.sourceGiven()) {
            return new Identification.Unusable("this member's records are identified by their OAI identifier, "
                    + "which only an OAI-PMH harvest gives; a record in a file or from Z39.50 has none");
        }
        Optional<String> localId = localId(record, identity).or(() -> identity.orContent()
                ? Optional.of(contentId(raw)) : Optional.empty());
        if (localId.isEmpty()) {
            return unusable(record).orElseGet(() -> new Identification.Unusable("no " + identity.field()
                    + (identity.prefix().isEmpty() ? "" : " starting with " + identity.prefix())
                    + " in the record, and this member's records are identified by " + identity.spec()
                    + " (its record identity in the member directory)"));
        }
        return identifyAs(record, localId.get());
    }

    /** Whether the record is bibliographic and its profile, known by the id its source gives. */
    public static Identification identifyAs(Record record, String givenId) {
        return unusable(record).orElseGet(() -> {
            String leader = record.getLeader().toString();
            return new Identification.Usable(givenId, detectProfile(record), leader.length() > 5 && leader.charAt(5) == 'd');
        });
    }

    private static Optional<Identification> unusable(Record record) {
        String leader = record.getLeader().toString();
        if (leader.length() > 6 && NON_BIBLIOGRAPHIC_TYPES.indexOf(leader.charAt(6)) >= 0) {
            return Optional.of(new Identification.Unusable("not a bibliographic record: leader/06 is '" + leader.charAt(6)
                    + "' (authority, holdings or classification data)"));
        }
        return Optional.empty();
    }

    /** The first value of the identity's field (starting with its prefix), stripped. */
    private static Optional<String> localId(Record record, RecordIdentity identity) {
        if (identity.code().isEmpty()) {
            return MarcFields.control(record, identity.tag()).map(String::strip);
        }
        char code = identity.code().get();
        return MarcFields.data(record, identity.tag()).stream()
                .flatMap(f -> f.getSubfields(code).stream())
                .map(sf -> sf.getData().strip())
                .filter(v -> !v.isEmpty() && v.startsWith(identity.prefix()) && v.length() > identity.prefix().length())
                .findFirst();
    }

    /**
     * Records with no id of their own (a fifth of the Austen set, for one) are known by a digest of their
     * bytes when the member's identity allows it ({@code or content}), so sending the same file again changes
     * nothing. Such a record cannot be updated in place; when it changes, a full-replace upload removes the
     * old version.
     */
    private static String contentId(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return CONTENT_ID_PREFIX + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A MARC21 record has a 245 title; a UNIMARC record has a 200 title instead. */
    static MarcProfile detectProfile(Record record) {
        boolean has245 = !MarcFields.data(record, "245").isEmpty();
        boolean has200 = !MarcFields.data(record, "200").isEmpty();
        return has200 && !has245 ? MarcProfile.UNIMARC : MarcProfile.MARC21;
    }

    /**
     * Parses a stored source record again and maps it, reading items by the member's holdings mapping
     * (empty: the profile's default); the index is always built from the raw bytes.
     */
    public static BibRecord normalize(SourceRecord source, Optional<HoldingsMapping> holdings) {
        MarcEntry.Parsed parsed = MarcSource.parseOne(source.raw()).orElseThrow(() -> new IllegalStateException(
                "stored record " + source.libraryId() + "/" + source.localId() + " no longer parses"));
        return normalize(source.recordId(), source.libraryId(), source.localId(), parsed.record(), parsed.encoding(),
                holdings);
    }

    /** Identifies and maps a record just read, for a member; empty when it is not a usable bibliographic record. */
    public static Optional<BibRecord> normalize(String libraryId, MarcEntry.Parsed parsed) {
        return normalize(libraryId, parsed, DESCRIBED);
    }

    /** The same, the record known by the member's record identity. */
    public static Optional<BibRecord> normalize(String libraryId, MarcEntry.Parsed parsed, RecordIdentity identity) {
        if (identify(parsed.record(), parsed.raw(), identity) instanceof Identification.Usable usable) {
            return Optional.of(normalize(SourceRecord.idOf(libraryId, usable.localId()), libraryId, usable.localId(), parsed.record(), parsed.encoding(),
                    Optional.empty()));
        }
        return Optional.empty();
    }

    static BibRecord normalize(String id, String libraryId, String localId, Record record, Encoding encoding,
            Optional<HoldingsMapping> holdings) {
        MarcProfile profile = detectProfile(record);
        return RecordMapper.map(TABLES.get(profile), profile, encoding, id, libraryId, localId, record,
                holdings.orElseGet(() -> Holdings.defaultFor(profile)));
    }
}

package org.tongjie.catalog;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which field identifies a member's record, so that the same record sent again updates it in place and two
 * different records never share an id. Library systems differ: 001 is the usual control number; Koha keeps
 * its biblionumber in 999 $c (and often a 001 copied from elsewhere); some members only have an OCLC or an
 * own number in 035; an OAI-PMH provider names each record by its OAI identifier. 999 $c is not safe in
 * general: SirsiDynix Symphony writes its items in 999, where $c is the copy number, "1" on nearly every
 * record. Written as one line, which is how the directory file and the store keep it:
 * <pre>
 * 001                 the control number (the default)
 * 999$c               Koha's biblionumber
 * 035$a (OCoLC)       the first 035 $a that starts with "(OCoLC)", kept whole
 * oai                 the OAI identifier the harvest gives (only for OAI-PMH members)
 * 001 or content      001, and a record without one is known by a digest of its bytes
 * </pre>
 * Without {@code or content} a record with no value in the field is quarantined with that reason: an id
 * made up from anything else could collide with another record's. With it, such a record is kept under a
 * digest of its bytes ({@code sha256:...}): the same bytes sent again change nothing, but a changed record
 * arrives as a new one, and only a full-replace upload removes the old version.
 *
 * @param tag            the field's tag, or {@code oai}
 * @param code           the subfield code of a data field; empty for a control field and for {@code oai}
 * @param prefix         the value must start with this (e.g. {@code (OCoLC)}); empty: any value
 * @param orContent      whether a record without a value is known by a digest of its bytes instead
 */
public record RecordIdentity(String tag, Optional<Character> code, String prefix, boolean orContent) {
    public static final String OAI = "oai";
    private static final String OR_CONTENT = " or content";
    private static final Pattern FIELD = Pattern.compile("(00[1-9])|([0-9]{3})\\$([0-9a-z])(?:\\s+(\\S+))?");

    /** 001: what a member without a setting of its own uses. */
    public static final RecordIdentity CONTROL_NUMBER = parse("001");
    /** 999 $c: Koha's biblionumber. */
    public static final RecordIdentity KOHA_BIBLIONUMBER = parse("999$c");
    /** The OAI identifier an OAI-PMH harvest gives each record. */
    public static final RecordIdentity OAI_IDENTIFIER = parse(OAI);

    public RecordIdentity {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(prefix, "prefix");
        boolean oai = tag.equals(OAI);
        boolean control = tag.matches("00[1-9]");
        if (!oai && !control && !(tag.matches("[0-9]{3}") && code.isPresent())) {
            throw new IllegalArgumentException("record identity '" + tag + "' needs a subfield: a data field is "
                    + "written like 999$c");
        }
        if ((oai || control) && (code.isPresent() || !prefix.isEmpty())) {
            throw new IllegalArgumentException("record identity " + tag + " takes no subfield and no prefix");
        }
        if (oai && orContent) {
            throw new IllegalArgumentException("record identity oai cannot fall back to content: every OAI-PMH "
                    + "record has an identifier");
        }
    }

    /**
     * Reads a spec line such as {@code 001}, {@code 999$c}, {@code 035$a (OCoLC)}, {@code oai} or
     * {@code 001 or content}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    public static RecordIdentity parse(String spec) {
        String s = spec.strip();
        boolean orContent = s.endsWith(OR_CONTENT);
        if (orContent) {
            s = s.substring(0, s.length() - OR_CONTENT.length()).strip();
        }
        if (s.equals(OAI)) {
            return new RecordIdentity(OAI, Optional.empty(), "", orContent);
        }
        Matcher m = FIELD.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("record identity must be a control field (001), a subfield with an "
                    + "optional prefix (999$c, 035$a (OCoLC)) or oai, optionally followed by 'or content'; was '"
                    + spec + "'");
        }
        if (m.group(1) != null) {
            return new RecordIdentity(m.group(1), Optional.empty(), "", orContent);
        }
        return new RecordIdentity(m.group(2), Optional.of(m.group(3).charAt(0)),
                m.group(4) == null ? "" : m.group(4), orContent);
    }

    /** Whether the id is the one the source gives (OAI-PMH), not read from the record. */
    public boolean sourceGiven() {
        return tag.equals(OAI);
    }

    /** The spec line this identity reads from. */
    public String spec() {
        return field() + (prefix.isEmpty() ? "" : " " + prefix) + (orContent ? OR_CONTENT : "");
    }

    /** The field alone, as a member's page shows it: {@code 001}, {@code 999$c}, {@code 035$a}, {@code oai}. */
    public String field() {
        return tag + code.map(c -> "$" + c).orElse("");
    }

    @Override
    public String toString() {
        return spec();
    }
}

package org.tongjie.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;
import org.tongjie.testing.Fixtures;
import org.tongjie.testing.SharedData;

/** Each matching rule and each veto, shown on a pair of real records. */
class MatcherTest {
    static final String AUSTEN = "marc4j-test-resources/test/resources/pride-and-prejudice-fixed.mrc";
    static final String KOHA = "koha-misc4dev/koha-sample-marc21-with-952-items.mrc";

    /** The records of a file, known as their member knows them: Koha's by biblionumber (999 $c), others by 001 or their content. */
    static List<BibRecord> records(Path file) throws IOException {
        var identity = file.endsWith(KOHA) ? RecordIdentity.KOHA_BIBLIONUMBER : RecordIdentity.parse("001 or content");
        var out = new ArrayList<BibRecord>();
        try (InputStream in = Files.newInputStream(file); var source = MarcSource.open(in)) {
            while (source.hasNext()) {
                if (source.next() instanceof MarcEntry.Parsed p) {
                    Normalizer.normalize("test", p, identity).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    static BibRecord find(Path file, Predicate<BibRecord> which) throws IOException {
        return records(file).stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("not in " + file));
    }

    /** The record with this local id, read from the file, with its series numbers (490 and 830 $v) set to {@code number}. */
    static BibRecord withSeriesNumber(Path file, String localId, String number) throws IOException {
        try (InputStream in = Files.newInputStream(file); var source = MarcSource.open(in)) {
            while (source.hasNext()) {
                if (source.next() instanceof MarcEntry.Parsed p
                        && Normalizer.normalize("test", p).filter(r -> r.localId().equals(localId)).isPresent()) {
                    for (var field : p.record().getVariableFields(new String[] {"490", "830"})) {
                        var v = ((org.marc4j.marc.DataField) field).getSubfield('v');
                        if (v != null) {
                            v.setData(number);
                        }
                    }
                    var out = new java.io.ByteArrayOutputStream();
                    var writer = new org.marc4j.MarcStreamWriter(out, "UTF-8");
                    writer.write(p.record());
                    writer.close();
                    try (var again = MarcSource.open(new java.io.ByteArrayInputStream(out.toByteArray()))) {
                        return Normalizer.normalize("test", (MarcEntry.Parsed) again.next()).orElseThrow();
                    }
                }
            }
        }
        throw new AssertionError(localId + " not in " + file);
    }

    static BibRecord byLocalId(Path file, String id) throws IOException {
        return find(file, r -> r.localId().equals(id));
    }

    static BibRecord byIsbn(Path file, String isbn13) throws IOException {
        return find(file, r -> r.isbns().contains(isbn13));
    }

    static void assertJoined(String rule, MatchDecision d) {
        assertTrue(d.sameEdition(), d.toString());
        assertEquals(Optional.of(rule), d.rule());
    }

    static void assertVetoed(String why, MatchDecision d) {
        assertFalse(d.sameEdition(), d.toString());
        assertTrue(d.veto().orElse("").startsWith(why), d.toString());
    }

    @Test
    void twoAgenciesCopiesOfOnePenguinClassicShareTheirIsbn() throws IOException {
        Path austen = SharedData.file(AUSTEN);
        assertJoined("isbn", Matcher.compare(byLocalId(austen, "001395440"), byLocalId(austen, "13113436")));
    }

    @Test
    void theSameChineseBookInCnmarcAndInMarc21FromAbroadIsOneEdition() throws IOException {
        var cnmarc = byLocalId(Fixtures.cnmarcChineseBooks(), "TJ-CN-0001");
        var abroad = byLocalId(Fixtures.marc21ChineseBooksAbroad(), "TJ-US-0001");
        assertJoined("isbn", Matcher.compare(cnmarc, abroad));
    }

    /** Open Library's two copies of an 1878 book with no ISBN share their 035 (OCoLC) number. */
    @Test
    void withoutAnIsbnTheSystemNumberDecides() throws IOException {
        Path dir = SharedData.file("openlibrary-marc-tests/bin_input/poganucpeoplethe00stowuoft_meta.mrc").getParent();
        var older = records(dir.resolve("poganucpeoplethe00stowuoft_meta.mrc")).getFirst();
        var newer = records(dir.resolve("new_poganucpeoplethe00stowuoft_meta.mrc")).getFirst();
        assertJoined("system-number", Matcher.compare(older, newer));
    }

    /** Koha's sample catalogue holds one Penguin book twice, under two record numbers and no identifier. */
    @Test
    void withoutAnyIdentifierTitleAuthorAndYearDecide() throws IOException {
        Path koha = SharedData.file(KOHA);
        assertJoined("title-author-year", Matcher.compare(byLocalId(koha, "346"), byLocalId(koha, "347")));
    }

    /** Bandidas as the studio's 35 mm reels (2006) and as the home-video disc (2007): another publisher, another edition. */
    @Test
    void titleAuthorAndYearDoNotJoinTwoPublishersIssues() throws IOException {
        Path koha = SharedData.file(KOHA);
        var d = Matcher.compare(byLocalId(koha, "104"), byLocalId(koha, "208"));
        assertFalse(d.sameEdition(), d.toString());
    }

    /** Gramercy's 1981 reissue of Avenel's omnibus kept Avenel's LCCN: the shared number does not join them. */
    @Test
    void aReissueByAnotherPublisherIsNotJoinedByTheLccnItKept() throws IOException {
        Path austen = SharedData.file(AUSTEN);
        var gramercy = byLocalId(austen, "000926941");
        var avenel = byLocalId(austen, "2787787");
        assertTrue(gramercy.systemNumbers().contains("lccn:81010777") && avenel.systemNumbers().contains("lccn:81010777"));
        assertFalse(Matcher.compare(gramercy, avenel).sameEdition());
    }

    /** The ZDB's print and online editions of one journal: same title, body and years, different format. */
    @Test
    void aPrintJournalAndItsOnlineEditionAreKeptApart() throws IOException {
        Path pool = SharedData.file("pool/pool-marc21-utf8.mrc");
        assertVetoed("different formats: SERIAL and ONLINE_SERIAL",
                Matcher.compare(byLocalId(pool, "1023185245"), byLocalId(pool, "1024787338")));
    }

    /** The Modern Library's e-book of Pride and Prejudice carries its print ISBN; the format keeps them apart. */
    @Test
    void anEbookCarryingThePrintIsbnIsKeptApart() throws IOException {
        Path austen = SharedData.file(AUSTEN);
        assertVetoed("different formats: BOOK and EBOOK", Matcher.compare(byLocalId(austen, "000957457"), byLocalId(austen, "6944327")));
    }

    @Test
    void theFirstVolumeOfTheTrilogyIsNotTheRecordOfVolumeTwo() throws IOException {
        Path books = Fixtures.cnmarcChineseBooks();
        assertVetoed("one volume and a description without a volume",
                Matcher.compare(byLocalId(books, "TJ-CN-0001"), byLocalId(books, "TJ-CN-0002")));
    }

    /**
     * No two real records in the shared data differ only by their number in a series, so this takes a
     * real Everyman's Library record and the same record with its series number changed.
     */
    @Test
    void anotherNumberInTheSameSeriesIsAnotherBook() throws IOException {
        Path austen = SharedData.file(AUSTEN);
        var original = find(austen, r -> r.series().stream().anyMatch(s -> s.startsWith("Everyman") && s.endsWith("no. 22")));
        var renumbered = withSeriesNumber(austen, original.localId(), "no. 23");
        assertVetoed("different numbers in one series: 22 and 23", Matcher.compare(original, renumbered));
    }

    @Test
    void aBookAndItsAudioRecordingAreKeptApart() throws IOException {
        Path austen = SharedData.file(AUSTEN);
        assertVetoed("different formats", Matcher.compare(byLocalId(austen, "UkOxUb13332903"), byLocalId(austen, "ocm33990792")));
    }

    @Test
    void theSecondAndThirdNortonEditionsAreKeptApart() throws IOException {
        Path austen = SharedData.file(AUSTEN);
        assertVetoed("different editions: 2 and 3",
                Matcher.compare(byIsbn(austen, "9780393962949"), byIsbn(austen, "9780393976045")));
    }

    @Test
    void volumesTwoAndThreeOfTheThreeBodyTrilogyAreKeptApart() throws IOException {
        Path books = Fixtures.cnmarcChineseBooks();
        assertVetoed("different volumes: 2 and 3", Matcher.compare(byLocalId(books, "TJ-CN-0002"), byLocalId(books, "TJ-CN-0003")));
    }

    @Test
    void the1998And2012EditionsOfXuSanguanAreKeptApart() throws IOException {
        Path books = Fixtures.cnmarcChineseBooks();
        assertVetoed("years more than one apart", Matcher.compare(byLocalId(books, "TJ-CN-0015"), byLocalId(books, "TJ-CN-0016")));
    }

    @Test
    void aSimplifiedReaderIsNotTheFullText() throws IOException {
        Path austen = SharedData.file(AUSTEN);
        assertVetoed("page counts too far apart: 382 and 133",
                Matcher.compare(byLocalId(austen, "1979244"), byLocalId(austen, "UkOxUb13417783")));
    }

    @Test
    void aReprintIsTheEditionItReprintsThoughYearsApartByTheOriginalsYearIn008() throws IOException {
        Path austen = SharedData.file(AUSTEN);
        // the reprint has no 001 (its OCLC number is in 035 only): found by its ISBN 1566190932 and year
        var reprint = find(austen, r -> r.isbns().stream().anyMatch(i -> i.startsWith("978156619093"))
                && r.year().equals(OptionalInt.of(2001)));
        var original = find(austen, r -> r.localId().equals("ocm28684073") && r.year().equals(OptionalInt.of(1993)));
        assertEquals(OptionalInt.of(1993), reprint.originalYear(), "008 r2001/1993");
        assertEquals(OptionalInt.empty(), original.originalYear(), "not a reprint");
        assertJoined("isbn", Matcher.compare(reprint, original));
    }

    @Test
    void twoPrintingsWithDifferentIsbnsAreDifferentEditions() throws IOException {
        Path austen = SharedData.file(AUSTEN);
        // Penguin Classics 1996 and a Signet issue: the publishers differ before the ISBNs are compared
        assertVetoed("different publishers", Matcher.compare(byIsbn(austen, "9780140434262"), byLocalId(austen, "ocm34096165")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            第3版          | 3
            第二版          | 2
            3d. ed. --     | 3
            2nd ed.        | 2
            Second edition | 2
            Ⅱ 黑暗森林      | 2
            v. II          | 2
            卷三            | 3
            Abridged ed.   | ''
            Edition 9798000001288 | ''
            """)
    void editionAndVolumeNumbersHoweverWritten(String statement, String number) {
        assertEquals(number.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(number)), Numbering.of(statement));
    }

    @Test
    void keysFoldWidthScriptCaseAndPunctuation() {
        assertEquals("abc123", MatchKeys.fold("ＡＢＣ１２３"));
        assertEquals(MatchKeys.fold("傲慢与偏见"), MatchKeys.fold("傲慢與偏見"));
        assertEquals(MatchKeys.authorKey("Austen, Jane"), MatchKeys.authorKey("Austen, Jane, 1775-1817"));
    }
}

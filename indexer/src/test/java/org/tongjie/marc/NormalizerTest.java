package org.tongjie.marc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.tongjie.catalog.BibRecord;
import org.tongjie.catalog.HoldingStatus;
import org.tongjie.catalog.MarcProfile;
import org.tongjie.catalog.Provenance;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.testing.Fixtures;
import org.tongjie.testing.SharedData;

/** Each mapping rule checked against a named real record. */
class NormalizerTest {

    static List<BibRecord> normalizeAll(byte[] file) throws IOException {
        return MarcSourceTest.readAll(new ByteArrayInputStream(file)).stream()
                .map(e -> (MarcEntry.Parsed) e)
                .map(p -> {
                    var id = (Normalizer.Identification.Usable) Normalizer.identify(p.record(), p.raw());
                    return Normalizer.normalize("test." + id.localId(), "test", id.localId(), p.record(), p.encoding(), Optional.empty());
                })
                .toList();
    }

    static BibRecord record(Path file, String localId) throws IOException {
        return normalizeAll(Files.readAllBytes(file)).stream().filter(r -> r.localId().equals(localId)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + localId + " in " + file));
    }

    static boolean cameFrom(BibRecord r, String field, String value, String source) {
        return r.provenance().contains(new Provenance(field, value, source));
    }

    @Test
    void kohaRecordOneWithItsItems() throws IOException {
        var r = record(SharedData.file("koha-misc4dev/koha-sample-marc21-with-952-items.mrc"), "17446121");

        assertEquals(MarcProfile.MARC21, r.profile());
        assertEquals("E Street shuffle the glory days of Bruce Springsteen & the E Street Band", r.displayTitle());
        assertEquals(Optional.of("Clinton Heylin"), r.responsibility());
        assertEquals(List.of("Heylin, Clinton"), r.authors());
        assertEquals(List.of("9780670026623"), r.isbns());
        assertEquals(OptionalInt.of(2013), r.year());
        assertEquals(OptionalInt.of(336), r.pageCount());
        assertEquals(List.of("ML420.S77 H28 2013"), r.classification().lc());
        assertTrue(r.subjects().contains("Rock musicians -- United States -- Biography"), r.subjects().toString());
        var item = r.holdings().getFirst();
        assertEquals("CPL", item.servicePoint());
        assertEquals(Optional.of("3999900000001"), item.barcode());
        assertEquals(HoldingStatus.AVAILABLE, item.status());
        assertEquals(Optional.of("GEN"), item.location());
        assertEquals(Optional.of("BK"), item.loanType());
        assertTrue(cameFrom(r, "isbn", "9780670026623", "020$a"), r.provenance().toString());
        assertTrue(cameFrom(r, "year", "2013", "008/07-10"), r.provenance().toString());
    }

    /**
     * Koha keeps its own record number in 999 $c; the 001 it carries was copied from LC. Which one identifies
     * the record is the member's setting.
     */
    @Test
    void aKohaRecordIsKnownByIts999cOrIts001AsTheMemberSays() throws IOException {
        var first = first("koha-misc4dev/koha-sample-marc21-with-952-items.mrc");
        assertEquals("17446121", first.record().getControlNumber());

        assertEquals("1", localId(first, RecordIdentity.KOHA_BIBLIONUMBER));
        assertEquals("17446121", localId(first, RecordIdentity.CONTROL_NUMBER));
    }

    /** SirsiDynix Symphony writes its items in 999, $c the copy number: "1", not an id. */
    @Test
    void aSymphonyRecordIsKnownByIts001() throws IOException {
        var symphony = MarcSourceTest.readAll(Files.newInputStream(SharedData.file("pool/pool-marc21-utf8.mrc"))).stream()
                .map(e -> (MarcEntry.Parsed) e)
                .filter(p -> p.record().getDataFields().stream().anyMatch(f -> f.getTag().equals("999")
                        && f.getSubfield('w') != null && f.getSubfield('i') != null))
                .findFirst().orElseThrow();

        assertEquals("1", localId(symphony, RecordIdentity.KOHA_BIBLIONUMBER), "what made different books one");
        assertEquals(symphony.record().getControlNumber().strip(), localId(symphony, RecordIdentity.CONTROL_NUMBER));
    }

    @Test
    void a035IdentityTakesTheFirstValueWithItsPrefixWhole() {
        var record = parsed("001 ocm123", "035 a(DLC)  75012345", "035 a(OCoLC)987654", "245 aA title");

        assertEquals("(OCoLC)987654", localId(record, RecordIdentity.parse("035$a (OCoLC)")));
        assertEquals("(DLC)  75012345", localId(record, RecordIdentity.parse("035$a")));
    }

    @Test
    void aRecordWithoutTheFieldIsUnusableWithTheReasonUnlessTheMemberFallsBackToItsContent() {
        var record = parsed("245 aA title without a control number");

        var unusable = assertInstanceOf(Normalizer.Identification.Unusable.class,
                Normalizer.identify(record.record(), record.raw(), RecordIdentity.CONTROL_NUMBER));
        assertTrue(unusable.reason().startsWith("no 001 in the record"), unusable.reason());
        assertTrue(unusable.reason().contains("identified by 001"), unusable.reason());
        assertTrue(localId(record, RecordIdentity.parse("001 or content")).startsWith(Normalizer.CONTENT_ID_PREFIX));
        assertInstanceOf(Normalizer.Identification.Unusable.class,
                Normalizer.identify(record.record(), record.raw(), RecordIdentity.parse("035$a (OCoLC)")));
    }

    @Test
    void aRecordInAFileHasNoOaiIdentifier() {
        var record = parsed("001 42", "245 aA title");

        var unusable = assertInstanceOf(Normalizer.Identification.Unusable.class,
                Normalizer.identify(record.record(), record.raw(), RecordIdentity.OAI_IDENTIFIER));
        assertTrue(unusable.reason().contains("OAI identifier"), unusable.reason());
    }

    /** A record of these fields: "001 value" for a control field, "245 aTitle" for a data field with one subfield. */
    private static MarcEntry.Parsed parsed(String... fields) {
        MarcFactory factory = MarcFactory.newInstance();
        Record record = factory.newRecord("00000nam a2200000 a 4500");
        for (String f : fields) {
            String tag = f.substring(0, 3);
            if (tag.startsWith("00")) {
                record.addVariableField(factory.newControlField(tag, f.substring(4)));
            } else {
                var field = factory.newDataField(tag, ' ', ' ');
                field.addSubfield(factory.newSubfield(f.charAt(4), f.substring(5)));
                record.addVariableField(field);
            }
        }
        var out = new ByteArrayOutputStream();
        var writer = new MarcStreamWriter(out, "UTF-8");
        writer.write(record);
        writer.close();
        try {
            return (MarcEntry.Parsed) MarcSourceTest.readAll(new ByteArrayInputStream(out.toByteArray())).getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MarcEntry.Parsed first(String file) throws IOException {
        return (MarcEntry.Parsed) MarcSourceTest.readAll(Files.newInputStream(SharedData.file(file))).getFirst();
    }

    private static String localId(MarcEntry.Parsed p, RecordIdentity identity) {
        return assertInstanceOf(Normalizer.Identification.Usable.class,
                Normalizer.identify(p.record(), p.raw(), identity)).localId();
    }

    @Test
    void japaneseTitleAndNamesComeFromTheirLinked880s() throws IOException {
        var r = record(SharedData.file("openlibrary-marc-tests/bin_input/880_Nihon_no_chasho.mrc"), "3835178");

        assertEquals("Nihon no chasho", r.displayTitle());
        assertTrue(r.titles().contains("日本 の 茶書"), r.titles().toString());
        assertTrue(cameFrom(r, "title", "日本 の 茶書", "880>245$ab"));
        assertTrue(r.authors().contains("林屋 辰三郎"), r.authors().toString());
        assertEquals(Optional.of("Heibonsha"), r.publisher(), "260 $b comes before its linked 880");
        assertEquals(Optional.of("jpn"), r.language());
        assertEquals(List.of("Tōyō bunko 201, 206"), r.series().subList(0, 1));
    }

    @Test
    void taiwaneseCmarcRecordReadsAsUnimarc() throws IOException {
        var r = record(SharedData.file("pool/pride-cmarc-like-unimarc-records.mrc"), "00085390");

        assertEquals(MarcProfile.UNIMARC, r.profile());
        assertEquals("傲慢與偏見", r.displayTitle());
        assertEquals(List.of("9787020016334"), r.isbns());
        assertEquals(Optional.of("人民文學出版社"), r.publisher());
        assertEquals(OptionalInt.of(1993), r.year());
        assertEquals(Optional.of("第1版"), r.edition());
        assertEquals(Optional.of("CN6.00"), r.price());
        assertEquals(Optional.of("chi"), r.language());
        assertEquals(List.of("奧斯丁", "張, 揚", "張, 玲"), r.authors());
    }

    @Test
    void ourCnmarcRecordForSantiCarriesPinyinClcEditionPriceAndSeries() throws IOException {
        var r = record(Fixtures.cnmarcChineseBooks(), "TJ-CN-0001");

        assertEquals(MarcProfile.UNIMARC, r.profile());
        assertEquals("三体", r.displayTitle());
        assertEquals(Optional.of("san ti"), r.titlePinyin());
        assertEquals(List.of("刘慈欣"), r.authors());
        assertEquals(List.of("9787536692930"), r.isbns());
        assertEquals(Optional.of("重庆出版社"), r.publisher());
        assertEquals(Optional.of("重庆"), r.publicationPlace());
        assertEquals(OptionalInt.of(2008), r.year());
        assertEquals(OptionalInt.of(302), r.pageCount());
        assertEquals(Optional.of("CNY23.00"), r.price());
        assertEquals(List.of("I247.55"), r.classification().clc());
        assertEquals(Optional.of("5"), r.classification().clcEdition());
        assertEquals(List.of("科幻世界·中国科幻基石丛书"), r.series());
        assertEquals(List.of("科学幻想小说 -- 长篇小说 -- 中国 -- 当代"), r.subjects());
        assertTrue(cameFrom(r, "title_pinyin", "san ti", "200$A"));
        assertTrue(cameFrom(r, "clc", "I247.55", "690$a"));
    }

    @Test
    void aChineseBookCataloguedAbroadInMarc21CarriesBothScriptsAndItsClc() throws IOException {
        var r = record(Fixtures.marc21ChineseBooksAbroad(), "TJ-US-0001");

        assertEquals(MarcProfile.MARC21, r.profile());
        assertEquals(List.of("San ti", "三体"), r.titles());
        assertEquals(List.of("Liu, Cixin", "刘慈欣"), r.authors());
        assertEquals(List.of("9787536692930"), r.isbns());
        assertEquals(List.of("I247.55"), r.classification().clc());
        assertEquals(Optional.of("chi"), r.language());
        assertTrue(cameFrom(r, "title", "三体", "880>245$ab"));
        assertTrue(cameFrom(r, "clc", "I247.55", "084$a"));
    }

    @Test
    void volumesOfAMultiVolumeWorkKeepTheirPartNumberAndName() throws IOException {
        var r = record(Fixtures.cnmarcChineseBooks(), "TJ-CN-0002");
        assertEquals("三体", r.displayTitle());
        assertEquals(Optional.of("Ⅱ 黑暗森林"), r.volume());
    }

    /**
     * Chinese libraries' older exports are GBK with a blank leader/09. The same 37 records written as
     * GB 18030 ISO 2709 must read exactly as the UTF-8 originals: no mojibake reaches the index.
     */
    @Test
    void gbkCnmarcReadsLikeTheUtf8Original() throws IOException {
        byte[] utf8Xml = Files.readAllBytes(Fixtures.cnmarcChineseBooks());
        var gbk = new ByteArrayOutputStream();
        var writer = new MarcStreamWriter(gbk, "GB18030");
        for (var e : MarcSourceTest.readAll(new ByteArrayInputStream(utf8Xml))) {
            var rec = ((MarcEntry.Parsed) e).record();
            rec.getLeader().setCharCodingScheme(' ');
            writer.write(rec);
        }
        writer.close();

        var fromGbk = normalizeAll(gbk.toByteArray());
        var fromUtf8 = normalizeAll(utf8Xml);

        assertEquals(37, fromGbk.size());
        for (int i = 0; i < fromUtf8.size(); i++) {
            assertEquals(fromUtf8.get(i).titles(), fromGbk.get(i).titles());
            assertEquals(fromUtf8.get(i).authors(), fromGbk.get(i).authors());
            assertEquals(fromUtf8.get(i).publisher(), fromGbk.get(i).publisher());
            assertEquals("GB18030", fromGbk.get(i).encoding().charset(), fromGbk.get(i).encoding().evidence());
        }
        assertTrue(fromGbk.getFirst().encoding().evidence().contains("GB 2312 area"));
    }

    @Test
    void theLibraryOfCongressSampleIsMarc8AndSaysWhy() throws IOException {
        var records = normalizeAll(Files.readAllBytes(SharedData.file("idzebra-examples/marc21/sample-marc")));
        assertEquals(24, records.size());
        var nonAscii = records.stream().filter(r -> !r.encoding().evidence().startsWith("only ASCII")).toList();
        assertTrue(nonAscii.stream().allMatch(r -> r.encoding().charset().equals("MARC-8")), nonAscii.toString());
        assertTrue(records.stream().allMatch(r -> r.encoding().evidence().contains("leader/09")));
    }
}

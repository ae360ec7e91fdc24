package org.tongjie.harvest.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.RecordIdentity;
import org.tongjie.z3950.RecordSyntax;

class MemberDirectoryTest {
    static MemberDirectory read(String json) {
        return MemberDirectory.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    static final String NETWORK = """
            {"members": [
              {"id": "koha-branch", "nameZh": "分馆", "nameEn": "Branch", "kind": "BRANCH", "parent": "central",
               "source": {"type": "oai-pmh", "baseUrl": "https://koha.example/cgi-bin/koha/oai.pl", "set": "books"},
               "schedule": "PT6H", "apiKeySha256": "%s"},
              {"id": "central", "nameZh": "总馆", "nameEn": "Central", "kind": "central", "address": "1 Main St",
               "latitude": 31.3, "longitude": 120.9,
               "holdingsMapping": ["905 servicePoint=a location=c callNumber=d/e barcode=b onLoan=z"],
               "source": {"type": "z3950", "host": "127.0.0.1", "port": 2100, "database": "biblios",
                          "recordSyntax": "unimarc", "charset": "gb18030"},
               "schedule": "P1D"},
              {"id": "locker", "nameZh": "书柜", "nameEn": "Locker", "kind": "SMART_LOCKER"},
              {"id": "koha-uploads", "nameZh": "科哈馆", "nameEn": "Koha uploads", "kind": "BRANCH",
               "recordIdentity": "999$c", "source": {"type": "upload"}},
              {"id": "oclc-uploads", "nameZh": "联机馆", "nameEn": "OCLC uploads", "kind": "BRANCH",
               "recordIdentity": "035$a (OCoLC) or content"}
            ]}""".formatted(Member.hashKey("s3cret-branch-key"));

    @Test
    void readsEveryKindOfSourceWithDefaultsAndParentsFirst() {
        var directory = read(NETWORK);

        assertEquals(List.of("central", "koha-branch", "locker", "koha-uploads", "oclc-uploads"),
                directory.members().stream().map(Member::id).toList());
        var branch = directory.member("koha-branch").orElseThrow();
        var oai = (MemberSource.OaiPmh) branch.source();
        assertEquals("marc21", oai.endpoint().metadataPrefix());
        assertEquals(Optional.of("books"), oai.endpoint().set());
        assertEquals(Optional.of(Duration.ofHours(6)), branch.schedule());
        assertTrue(branch.acceptsKey("s3cret-branch-key"));
        assertFalse(branch.acceptsKey("s3cret-branch-key "));

        var central = directory.member("central").orElseThrow();
        assertEquals(LibraryKind.CENTRAL, central.library().kind());
        var z = (MemberSource.Z3950) central.source();
        assertEquals(RecordSyntax.UNIMARC, z.target().syntax());
        assertEquals(Optional.of("gb18030"), z.target().charset());
        assertEquals(MemberSource.Z3950.ALL_RECORDS, z.harvestQuery());
        assertTrue(central.library().holdingsMapping().isPresent());
        assertFalse(central.acceptsKey("anything"), "no key, no uploads");

        var locker = directory.member("locker").orElseThrow();
        assertEquals(new MemberSource.Upload(), locker.source());
        assertEquals(Optional.empty(), locker.schedule());
    }

    /** Which field identifies a member's records: its setting, else the OAI identifier for OAI-PMH and 001 for the rest. */
    @Test
    void eachMemberSaysWhichFieldIdentifiesItsRecords() {
        var directory = read(NETWORK);

        assertEquals(RecordIdentity.OAI_IDENTIFIER, identity(directory, "koha-branch"));
        assertEquals(RecordIdentity.CONTROL_NUMBER, identity(directory, "central"));
        assertEquals(RecordIdentity.CONTROL_NUMBER, identity(directory, "locker"));
        assertEquals(RecordIdentity.KOHA_BIBLIONUMBER, identity(directory, "koha-uploads"));
        var oclc = identity(directory, "oclc-uploads");
        assertEquals("035$a", oclc.field());
        assertEquals("(OCoLC)", oclc.prefix());
        assertTrue(oclc.orContent());
    }

    @Test
    void aRecordIdentityThatCannotWorkIsAMistakeOfItsMember() {
        var e = assertThrows(MemberDirectory.InvalidDirectoryException.class, () -> read("""
                {"members": [
                  {"id": "a", "nameZh": "甲", "nameEn": "A", "kind": "BRANCH", "recordIdentity": "999"},
                  {"id": "b", "nameZh": "乙", "nameEn": "B", "kind": "BRANCH", "recordIdentity": "oai"},
                  {"id": "c", "nameZh": "丙", "nameEn": "C", "kind": "BRANCH", "recordIdentity": "001",
                   "source": {"type": "oai-pmh", "baseUrl": "https://oai.example/"}}
                ]}"""));

        assertEquals(3, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith("member a: record identity must be a control field"), e.problems().get(0));
        assertTrue(e.problems().get(1).startsWith("member b: recordIdentity oai is only for oai-pmh members"), e.problems().get(1));
        assertTrue(e.problems().get(2).startsWith("member c: recordIdentity of an oai-pmh member must be oai"), e.problems().get(2));
    }

    static RecordIdentity identity(MemberDirectory directory, String id) {
        return directory.member(id).orElseThrow().library().recordIdentity();
    }

    @Test
    void everyMistakeIsReportedAtOnceWithItsMember() {
        var e = assertThrows(MemberDirectory.InvalidDirectoryException.class, () -> read("""
                {"members": [
                  {"id": "a", "nameZh": "甲", "nameEn": "A", "kind": "LIBRARY"},
                  {"id": "b", "nameZh": "乙", "nameEn": "B", "kind": "BRANCH", "parent": "nowhere"},
                  {"id": "c", "nameZh": "丙", "nameEn": "C", "kind": "BRANCH", "schedule": "every day",
                   "source": {"type": "oai-pmh", "baseUrl": "https://x.example/oai"}},
                  {"id": "d", "nameZh": "丁", "nameEn": "D", "kind": "BRANCH", "apiKeySha256": "plain-text-key"},
                  {"id": "e", "nameZh": "戊", "nameEn": "E", "kind": "BRANCH", "schedule": "PT1H"},
                  {"id": "f", "nameZh": "己", "nameEn": "F", "kind": "BRANCH", "source": {"type": "z3950", "port": 210}}
                ]}"""));
        assertEquals(6, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("member a: kind must be one of"), e.getMessage());
        assertTrue(e.getMessage().contains("member c: schedule must be an ISO-8601 duration"), e.getMessage());
        assertTrue(e.getMessage().contains("member d: apiKeySha256 must be 64 lower-case hex digits"), e.getMessage());
        assertTrue(e.getMessage().contains("a schedule needs an oai-pmh or z3950 source"), e.getMessage());
        assertTrue(e.getMessage().contains("member f: source.host is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("member b: its parent 'nowhere' is not in the directory"), e.getMessage());
    }

    @Test
    void unknownFieldsAreMistakesNotSilentlyIgnored() {
        var e = assertThrows(MemberDirectory.InvalidDirectoryException.class, () -> read("""
                {"members": [{"id": "a", "nameZh": "甲", "nameEn": "A", "kind": "BRANCH", "apiKey": "plain"}]}"""));
        assertTrue(e.getMessage().contains("apiKey"), e.getMessage());
    }

    @Test
    void theKeyHashIsWhatSha256sumPrints() {
        // printf %s demo-key-central | sha256sum
        assertEquals("b87d74e8a5977bf5ec85ee9d61c3817d056f4df11301f1c470ade708093735f3", Member.hashKey("demo-key-central"));
    }
}

package org.tongjie.harvest.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.ControlField;
import org.tongjie.testing.SharedData;

/** Harvests XOAI, a real OAI-PMH provider nobody here wrote, serving the 106 LC sample records 10 a page. */
class OaiPmhClientTest {
    private static final Instant LOADED = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant CHANGED = Instant.parse("2024-03-05T08:30:00Z");
    private static final int PAGE = 10;

    private static OaiPmhClient client(XoaiProvider provider) {
        return new OaiPmhClient(OaiEndpoint.marc21(provider.baseUrl()), OaiClientSettings.defaults(),
                Clock.systemUTC(), new RecordingSleeper());
    }

    private static XoaiProvider seconds(InMemoryItems items) {
        return XoaiProvider.start(items, io.gdcc.xoai.model.oaipmh.Granularity.Second, DeletedRecord.PERSISTENT, PAGE);
    }

    @Test
    void identifyReadsNameGranularityEarliestDatestampAndDeletedPolicy() {
        try (var provider = seconds(LcItems.at(LOADED)); var client = client(provider)) {
            OaiIdentity identity = client.identify();

            assertEquals("LC samples (XOAI test provider)", identity.repositoryName());
            assertEquals(provider.baseUrl(), identity.baseUrl());
            assertEquals(XoaiProvider.EARLIEST, identity.earliestDatestamp());
            assertEquals(Granularity.SECOND, identity.granularity());
            assertEquals(DeletedRecordPolicy.PERSISTENT, identity.deletedRecord());
        }
    }

    @Test
    void aDayRepositoryDeclaringItsEarliestDatestampInSecondsIsRead() {
        // XOAI quirk: with day granularity it still writes earliestDatestamp as YYYY-MM-DDThh:mm:ssZ.
        try (var provider = XoaiProvider.start(LcItems.at(LOADED), io.gdcc.xoai.model.oaipmh.Granularity.Day,
                DeletedRecord.TRANSIENT, PAGE); var client = client(provider)) {
            OaiIdentity identity = client.identify();

            assertEquals(Granularity.DAY, identity.granularity());
            assertEquals(XoaiProvider.EARLIEST, identity.earliestDatestamp());
            assertEquals(DeletedRecordPolicy.TRANSIENT, identity.deletedRecord());
        }
    }

    @Test
    void aFullHarvestDeliversEveryRecordExactlyOnceAcrossPages() throws Exception {
        InMemoryItems items = LcItems.at(LOADED);
        try (var provider = seconds(items); var client = client(provider)) {
            var sink = new RecordingSink();

            HarvestSummary summary = client.listRecords(Optional.empty(), Optional.empty(), Optional.empty(), sink);

            int total = items.all().size();
            int pages = (total + PAGE - 1) / PAGE;
            assertEquals(106, total);
            assertEquals(items.all().stream().map(InMemoryItems.StoredItem::identifier).toList(), sink.identifiers());
            assertEquals(pages, summary.pages());
            assertEquals(total, summary.records());
            assertTrue(summary.responseDate().isPresent());
            assertEquals(pages, sink.checkpoints.size());
            assertTrue(sink.checkpoints.getLast().lastPage());
            assertTrue(sink.checkpoints.subList(0, pages - 1).stream().noneMatch(PageCheckpoint::lastPage));
            assertEquals(Optional.of(total), sink.checkpoints.getFirst().completeListSize());
            assertEquals(Optional.of(PAGE), sink.checkpoints.get(1).cursor());
            assertEquals(pages, provider.requestCount());
            for (int i = 0; i < total; i++) {
                assertSameMarc(items.all().get(i).marcxml(), sink.records.get(i));
            }
        }
    }

    @Test
    void anIncrementalHarvestGetsOnlyWhatChangedSinceFromIncludingDeletions() {
        InMemoryItems items = LcItems.at(LOADED);
        List<String> ids = items.all().stream().map(InMemoryItems.StoredItem::identifier).toList();
        try (var provider = seconds(items); var client = client(provider)) {
            client.listRecords(Optional.empty(), Optional.empty(), Optional.empty(), new RecordingSink());
            Set<String> updated = Set.of(ids.get(3), ids.get(57), ids.get(105));
            String deleted = ids.get(20);
            updated.forEach(id -> items.update(id, item -> withDatestamp(item, CHANGED, false)));
            items.update(deleted, item -> withDatestamp(item, CHANGED.plusSeconds(1), true));
            var sink = new RecordingSink();

            client.listRecords(Optional.of(CHANGED), Optional.empty(), Optional.empty(), sink);

            assertEquals(4, sink.records.size());
            assertEquals(union(updated, deleted), new HashSet<>(sink.identifiers()));
            for (OaiRecord record : sink.records) {
                boolean isDeleted = record.header().identifier().equals(deleted);
                assertEquals(isDeleted, record.header().deleted());
                assertEquals(!isDeleted, record.metadata().isPresent());
                assertTrue(!record.header().datestamp().isBefore(CHANGED));
            }
        }
    }

    @Test
    void aDayGranularityRepositoryIsAskedWithADateAndAnswersFromThatDay() {
        // XOAI with day granularity rejects YYYY-MM-DDThh:mm:ssZ arguments as badArgument.
        InMemoryItems items = LcItems.at(LOADED);
        String changed = items.all().get(42).identifier();
        items.update(changed, item -> withDatestamp(item, CHANGED, false));
        try (var provider = XoaiProvider.start(items, io.gdcc.xoai.model.oaipmh.Granularity.Day,
                DeletedRecord.PERSISTENT, PAGE); var client = client(provider)) {
            var sink = new RecordingSink();

            client.listRecords(Optional.of(CHANGED.plus(Duration.ofHours(5))), Optional.empty(), Optional.empty(), sink);

            assertEquals(List.of(changed), sink.identifiers());
            assertEquals(Instant.parse("2024-03-05T00:00:00Z"), sink.records.getFirst().header().datestamp());
        }
    }

    @Test
    void xoaiAlsoSendsRecordsOneSecondPastUntil() {
        // XOAI quirk: it widens `until` by a second (and echoes it so); the client takes what comes.
        InMemoryItems items = LcItems.at(LOADED);
        List<String> ids = items.all().stream().map(InMemoryItems.StoredItem::identifier).toList();
        items.update(ids.get(1), item -> withDatestamp(item, LOADED.plusSeconds(1), false));
        items.update(ids.get(2), item -> withDatestamp(item, LOADED.plusSeconds(2), false));
        try (var provider = seconds(items); var client = client(provider)) {
            var sink = new RecordingSink();

            client.listRecords(Optional.of(LOADED.plusSeconds(1)), Optional.of(LOADED.plusSeconds(1)), Optional.empty(), sink);

            assertEquals(List.of(ids.get(1), ids.get(2)), sink.identifiers());
        }
    }

    @Test
    void aSetRestrictsTheHarvestToThatCollection() {
        InMemoryItems items = LcItems.at(LOADED);
        long operas = items.all().stream().filter(i -> i.set().equals("opera-43")).count();
        try (var provider = seconds(items); var client = new OaiPmhClient(
                new OaiEndpoint(provider.baseUrl(), "marc21", Optional.of("opera-43")), OaiClientSettings.defaults(),
                Clock.systemUTC(), new RecordingSleeper())) {
            var sink = new RecordingSink();

            client.listRecords(Optional.empty(), Optional.empty(), Optional.empty(), sink);

            assertTrue(operas > PAGE, "the set spans pages");
            assertEquals(operas, sink.records.size());
            assertTrue(sink.records.stream().allMatch(r -> r.header().setSpecs().equals(List.of("opera-43"))));
        }
    }

    @Test
    void aHarvestStoppedAfterAPageResumesFromItsCheckpointWithNothingLostOrDoubled() {
        InMemoryItems items = LcItems.at(LOADED);
        try (var provider = seconds(items); var client = client(provider)) {
            var firstRun = new RecordingSink() {
                @Override
                public void pageDone(PageCheckpoint checkpoint) {
                    super.pageDone(checkpoint);
                    if (checkpoints.size() == 3) {
                        throw new IllegalStateException("hub killed after page 3");
                    }
                }
            };
            assertThrows(IllegalStateException.class,
                    () -> client.listRecords(Optional.empty(), Optional.empty(), Optional.empty(), firstRun));
            var secondRun = new RecordingSink();

            client.listRecords(Optional.empty(), Optional.empty(), firstRun.checkpoints.getLast().nextToken(), secondRun);

            var all = new ArrayList<>(firstRun.identifiers());
            all.addAll(secondRun.identifiers());
            assertEquals(items.all().stream().map(InMemoryItems.StoredItem::identifier).toList(), all);
        }
    }

    @Test
    void aBadResumptionTokenIsItsOwnException() {
        try (var provider = seconds(LcItems.at(LOADED)); var client = client(provider)) {
            var sink = new RecordingSink();

            var e = assertThrows(BadResumptionTokenException.class, () -> client.listRecords(Optional.empty(),
                    Optional.empty(), Optional.of("garbage"), sink));

            assertEquals("badResumptionToken", e.code());
            assertEquals("garbage", e.token());
            assertTrue(e.getMessage().contains(provider.baseUrl().toString()), e.getMessage());
            assertTrue(e.getMessage().contains("harvest again from the last checkpoint"), e.getMessage());
            assertTrue(sink.records.isEmpty() && sink.checkpoints.isEmpty());
        }
    }

    @Test
    void aTokenXoaiCannotDecodeIsAServerErrorRetriedThenReported() {
        // XOAI quirk: a token that is not base64 escapes as an exception (HTTP 500), not badResumptionToken.
        var sleeper = new RecordingSleeper();
        try (var provider = seconds(LcItems.at(LOADED)); var client = new OaiPmhClient(
                OaiEndpoint.marc21(provider.baseUrl()), OaiClientSettings.defaults(), Clock.systemUTC(), sleeper)) {
            var e = assertThrows(OaiTransportException.class, () -> client.listRecords(Optional.empty(),
                    Optional.empty(), Optional.of("not-base64"), new RecordingSink()));

            assertEquals(OaiClientSettings.defaults().maxRetries() + 1, e.attempts());
            assertEquals(OaiClientSettings.defaults().maxRetries(), sleeper.waits.size());
            assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
        }
    }

    @Test
    void noRecordsMatchIsAnEmptySuccessfulHarvest() {
        try (var provider = seconds(LcItems.at(LOADED)); var client = client(provider)) {
            var sink = new RecordingSink();

            HarvestSummary summary = client.listRecords(Optional.of(CHANGED), Optional.empty(), Optional.empty(), sink);

            assertEquals(0, summary.records());
            assertEquals(1, summary.pages());
            assertTrue(sink.records.isEmpty());
            assertEquals(List.of(new PageCheckpoint(Optional.empty(), 0, Optional.empty(), Optional.empty())),
                    sink.checkpoints);
        }
    }

    @Test
    void anUnknownMetadataPrefixIsAnOaiErrorWithItsCode() {
        try (var provider = seconds(LcItems.at(LOADED)); var client = new OaiPmhClient(
                new OaiEndpoint(provider.baseUrl(), "unimarc", Optional.empty()), OaiClientSettings.defaults(),
                Clock.systemUTC(), new RecordingSleeper())) {
            var e = assertThrows(OaiPmhException.class, () -> client.listRecords(Optional.empty(), Optional.empty(),
                    Optional.empty(), new RecordingSink()));

            assertEquals("cannotDisseminateFormat", e.code());
            assertFalse(e instanceof BadResumptionTokenException);
            assertTrue(e.getMessage().contains("metadataPrefix=unimarc"), e.getMessage());
        }
    }

    @Test
    void aRealRecordWithAControlCharacterInIts001IsHarvestedWithAReplacementCharacter() throws Exception {
        // Koha biblio 369 holds MARC subfield delimiters (0x1F) in control fields: not well-formed XML 1.0.
        byte[] raw = java.nio.file.Files.readAllBytes(SharedData.file(
                "koha-misc4dev/koha-biblio-369-invalid-xml-control-char.xml"));
        String record = new String(raw, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*>\\s*", "");
        InMemoryItems items = LcItems.at(LOADED);
        items.put(new InMemoryItems.StoredItem("oai:koha.test:369", CHANGED, "koha", false,
                record.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (var provider = seconds(items); var client = client(provider)) {
            var sink = new RecordingSink();

            client.listRecords(Optional.of(CHANGED), Optional.empty(), Optional.empty(), sink);

            var marc = new MarcXmlReader(new ByteArrayInputStream(sink.records.getFirst().metadata().orElseThrow())).next();
            assertEquals("00\uFFFDaD000015937", marc.getControlNumber());
        }
    }

    @Test
    void aTokenTogetherWithFromIsRefused() {
        try (var client = OaiPmhClient.create(OaiEndpoint.marc21(java.net.URI.create("http://127.0.0.1:9/oai")))) {
            assertThrows(IllegalArgumentException.class, () -> client.listRecords(Optional.of(LOADED), Optional.empty(),
                    Optional.of("token"), new RecordingSink()));
        }
    }

    private static InMemoryItems.StoredItem withDatestamp(InMemoryItems.StoredItem item, Instant datestamp, boolean deleted) {
        return new InMemoryItems.StoredItem(item.identifier(), datestamp, item.set(), deleted, item.marcxml());
    }

    private static Set<String> union(Set<String> ids, String one) {
        var all = new HashSet<>(ids);
        all.add(one);
        return all;
    }

    /** The harvested bytes are a standalone MARCXML document marc4j reads to the same record. */
    private static void assertSameMarc(byte[] sent, OaiRecord harvested) {
        var expected = new MarcXmlReader(new ByteArrayInputStream(sent)).next();
        var actual = new MarcXmlReader(new ByteArrayInputStream(harvested.metadata().orElseThrow())).next();
        assertEquals(expected.toString(), actual.toString(), harvested.header().identifier());
        assertEquals(expected.getControlFields().stream().map(ControlField::getData).toList(),
                actual.getControlFields().stream().map(ControlField::getData).toList());
    }
}

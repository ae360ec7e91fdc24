package org.tongjie.harvest.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import io.gdcc.xoai.model.oaipmh.Granularity;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.harvest.OaiHarvest;
import org.tongjie.search.SearchHit;
import org.tongjie.harvest.HarvestLog;
import org.tongjie.harvest.HarvestState;
import org.tongjie.indexer.Catalog;
import org.tongjie.testing.Searches;

/** A member's OAI-PMH provider (real XOAI) harvested into the catalogue: full, incremental, resumed. */
class OaiHarvestIntoCatalogTest {
    static final Instant LOADED = Instant.parse("2026-01-14T08:00:00Z");
    static final Instant FIRST_RUN = Instant.parse("2026-01-15T08:00:00Z");
    static final Instant CHANGED = Instant.parse("2026-01-15T09:00:00Z");
    static final Instant SECOND_RUN = Instant.parse("2026-01-15T10:00:00Z");
    static final OaiClientSettings FAST = new OaiClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), 1,
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMinutes(5));

    static Catalog catalog(Path dir) {
        var catalog = Catalog.open(dir, Clock.systemUTC());
        catalog.libraries().save(new Library("lc", "国会图书馆", "Library of Congress", LibraryKind.CENTRAL,
                Optional.empty(), "", Optional.empty()));
        return catalog;
    }

    static OaiPmhClient client(URI baseUrl, Instant now) {
        return new OaiPmhClient(OaiEndpoint.marc21(baseUrl), FAST, Clock.fixed(now, ZoneOffset.UTC), d -> { });
    }

    static XoaiProvider provider(InMemoryItems items) {
        return XoaiProvider.start(items, Granularity.Second, DeletedRecord.PERSISTENT, 10);
    }

    static HarvestLog log(Path dir) {
        return HarvestLog.open(dir, Clock.systemUTC());
    }

    static Set<String> searchable(Catalog catalog) {
        return catalog.search().page("", 1, 1000).hits().stream().map(SearchHit::title).collect(Collectors.toSet());
    }

    @Test
    void aSecondRunAppliesExactlyTheChangesMadeAtTheSource(@TempDir Path dir) throws IOException {
        InMemoryItems items = LcItems.at(LOADED);
        try (var provider = provider(items); var catalog = catalog(dir)) {
            var first = OaiHarvest.run(catalog, log(dir), "lc", client(provider.baseUrl(), FIRST_RUN), Clock.fixed(FIRST_RUN, ZoneOffset.UTC));
            assertEquals(items.all().size(), first.accepted() + first.quarantined(), first.toString());
            long before = Searches.sourceRecords(catalog);
            assertEquals(first.accepted(), before);

            var ids = items.all().stream().filter(i -> new String(i.marcxml(), StandardCharsets.UTF_8).contains("tag=\"245\""))
                    .map(InMemoryItems.StoredItem::identifier).limit(3).toList();
            items.update(ids.get(0), i -> new InMemoryItems.StoredItem(i.identifier(), CHANGED, i.set(), false, retitled(i.marcxml())));
            items.update(ids.get(1), i -> new InMemoryItems.StoredItem(i.identifier(), CHANGED, i.set(), true, i.marcxml()));

            var second = OaiHarvest.run(catalog, log(dir), "lc", client(provider.baseUrl(), SECOND_RUN), Clock.fixed(SECOND_RUN, ZoneOffset.UTC));

            assertEquals(0, second.accepted());
            assertEquals(1, second.updated(), second.toString());
            assertEquals(1, second.deleted(), second.toString());
            assertEquals(before - 1, Searches.sourceRecords(catalog));
            assertEquals(1, catalog.search().page("Retitled by the member", 1, 5).total());
        }
    }

    /** A run that dies at page 4 resumes from its saved token and ends with the store a clean run gives. */
    @Test
    void aRunCutOffMidwayResumesAndEndsLikeAnUninterruptedOne(@TempDir Path cutDir, @TempDir Path cleanDir) throws IOException {
        InMemoryItems items = LcItems.at(LOADED);
        try (var provider = provider(items);
             var failing = FaultyFront.before(provider.baseUrl(),
                     n -> n >= 4 ? Optional.of(new FaultyFront.Status(500, Map.of())) : Optional.empty());
             var cut = catalog(cutDir); var clean = catalog(cleanDir)) {
            var clock = Clock.fixed(FIRST_RUN, ZoneOffset.UTC);
            assertThrows(OaiHarvestException.class, () -> OaiHarvest.run(cut, log(cutDir), "lc", client(failing.baseUrl(), FIRST_RUN), clock));
            long kept = Searches.sourceRecords(cut);
            assertTrue(kept > 0 && kept < 106, "the pages before the failure are stored: " + kept);
            assertTrue(log(cutDir).state("lc").resumeToken().isPresent(), "the run can resume");

            OaiHarvest.run(cut, log(cutDir), "lc", client(provider.baseUrl(), FIRST_RUN), clock);
            OaiHarvest.run(clean, log(cleanDir), "lc", client(provider.baseUrl(), FIRST_RUN), clock);

            assertEquals(Searches.byId(clean), Searches.byId(cut));
            assertTrue(log(cutDir).state("lc").resumeToken().isEmpty());
        }
    }

    /** A token the provider no longer knows is dropped: the run harvests again from the start and loses nothing. */
    @Test
    void aRefusedResumptionTokenHarvestsAgainWithoutIt(@TempDir Path refusedDir, @TempDir Path cleanDir) throws IOException {
        InMemoryItems items = LcItems.at(LOADED);
        try (var provider = provider(items); var refused = catalog(refusedDir); var clean = catalog(cleanDir)) {
            var clock = Clock.fixed(FIRST_RUN, ZoneOffset.UTC);
            log(refusedDir).saveState("lc", new HarvestState(Optional.of("garbage"), Optional.of(FIRST_RUN), Optional.empty()));

            OaiHarvest.run(refused, log(refusedDir), "lc", client(provider.baseUrl(), FIRST_RUN), clock);
            OaiHarvest.run(clean, log(cleanDir), "lc", client(provider.baseUrl(), FIRST_RUN), clock);

            assertEquals(Searches.byId(clean), Searches.byId(refused));
            assertTrue(log(refusedDir).state("lc").resumeToken().isEmpty());
        }
    }

    static byte[] retitled(byte[] marcxml) {
        String xml = new String(marcxml, StandardCharsets.UTF_8);
        return xml.replaceFirst("(<(?:marc:)?datafield tag=\"245\"[^>]*>\\s*<(?:marc:)?subfield code=\"a\">)",
                "$1Retitled by the member ").getBytes(StandardCharsets.UTF_8);
    }
}

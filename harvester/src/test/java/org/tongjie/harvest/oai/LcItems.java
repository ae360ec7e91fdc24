package org.tongjie.harvest.oai;

import java.time.Instant;
import java.util.List;

/** The Zebra LC samples as provider items: {@code oai:lc.test:<collection>:<n>}, all changed at one instant. */
final class LcItems {
    private LcItems() {}

    static InMemoryItems at(Instant datestamp) {
        var items = new InMemoryItems();
        List<MarcXmlFixtures.FixtureRecord> fixtures = MarcXmlFixtures.lcSamples();
        for (int i = 0; i < fixtures.size(); i++) {
            var fixture = fixtures.get(i);
            items.put(new InMemoryItems.StoredItem("oai:lc.test:%s:%03d".formatted(fixture.collection(), i), datestamp,
                    fixture.collection(), false, fixture.marcxml()));
        }
        return items;
    }
}

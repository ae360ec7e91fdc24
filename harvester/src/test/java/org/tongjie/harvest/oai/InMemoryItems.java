package org.tongjie.harvest.oai;

import io.gdcc.xoai.dataprovider.exceptions.handler.IdDoesNotExistException;
import io.gdcc.xoai.dataprovider.filter.ScopedFilter;
import io.gdcc.xoai.dataprovider.model.Item;
import io.gdcc.xoai.dataprovider.model.ItemIdentifier;
import io.gdcc.xoai.dataprovider.model.MetadataFormat;
import io.gdcc.xoai.dataprovider.model.Set;
import io.gdcc.xoai.dataprovider.repository.ItemRepository;
import io.gdcc.xoai.dataprovider.repository.ResultsPage;
import io.gdcc.xoai.dataprovider.repository.SetRepository;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.model.oaipmh.results.record.Metadata;
import io.gdcc.xoai.xml.CopyElement;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/**
 * The member library's side: an in-memory store of MARCXML items behind XOAI's repository interfaces.
 * XOAI leaves filtering by from/until/set and paging to the store; it does the protocol. Items are kept
 * sorted by identifier so offset paging is stable.
 */
final class InMemoryItems implements ItemRepository, SetRepository {
    private final NavigableMap<String, StoredItem> items = new ConcurrentSkipListMap<>();

    /** One item; {@code set} is the collection it came from. */
    record StoredItem(String identifier, Instant datestamp, String set, boolean deleted, byte[] marcxml) implements Item {
        @Override public String getIdentifier() { return identifier; }
        @Override public Instant getDatestamp() { return datestamp; }
        @Override public List<Set> getSets() { return List.of(Set.set(set)); }
        @Override public boolean isDeleted() { return deleted; }

        // Copied verbatim into <metadata>: XOAI skips its XSLT pipeline for a CopyElement.
        @Override public Metadata getMetadata() {
            return new Metadata(new CopyElement(new ByteArrayInputStream(marcxml)));
        }
    }

    void put(StoredItem item) {
        items.put(item.identifier(), item);
    }

    void update(String identifier, UnaryOperator<StoredItem> change) {
        items.computeIfPresent(identifier, (id, item) -> change.apply(item));
    }

    List<StoredItem> all() {
        return List.copyOf(items.values());
    }

    @Override
    public ItemIdentifier getItemIdentifier(String identifier) throws IdDoesNotExistException {
        return getItem(identifier, null);
    }

    @Override
    public Item getItem(String identifier, MetadataFormat format) throws IdDoesNotExistException {
        StoredItem item = items.get(identifier);
        if (item == null) {
            throw new IdDoesNotExistException();
        }
        return item;
    }

    @Override
    public ResultsPage<ItemIdentifier> getItemIdentifiers(List<ScopedFilter> filters, MetadataFormat format,
            int max, ResumptionToken.Value token) {
        return page(token, max, ItemIdentifier.class);
    }

    @Override
    public ResultsPage<Item> getItems(List<ScopedFilter> filters, MetadataFormat format, int max,
            ResumptionToken.Value token) {
        return page(token, max, Item.class);
    }

    private <T> ResultsPage<T> page(ResumptionToken.Value token, int max, Class<T> type) {
        List<StoredItem> matching = items.values().stream().filter(item -> matches(item, token)).toList();
        List<T> page = matching.stream().skip(token.getOffset()).limit(max).map(type::cast).toList();
        boolean more = token.getOffset() + page.size() < matching.size();
        return new ResultsPage<>(token, more, page, matching.size());
    }

    private static boolean matches(StoredItem item, ResumptionToken.Value token) {
        return (!token.hasFrom() || !item.datestamp().isBefore(token.getFrom()))
                && (!token.hasUntil() || !item.datestamp().isAfter(token.getUntil()))
                && (!token.hasSetSpec() || item.set().equals(token.getSetSpec()));
    }

    @Override
    public boolean supportSets() {
        return true;
    }

    @Override
    public List<Set> getSets() {
        return items.values().stream().map(StoredItem::set).distinct().map(Set::set).toList();
    }

    @Override
    public boolean exists(String setSpec) {
        return items.values().stream().anyMatch(item -> item.set().equals(setSpec));
    }
}

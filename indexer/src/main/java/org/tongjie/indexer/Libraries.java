package org.tongjie.indexer;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tongjie.catalog.Library;
import org.tongjie.store.RecordStore;

/**
 * The member directory. Read once: searches label facets with it and every upload checks it, and it changes
 * only through {@link #save}, so it is kept here rather than read per request.
 */
public final class Libraries {
    private final RecordStore store;
    private volatile Map<String, Library> directory;

    Libraries(RecordStore store) {
        this.store = store;
        this.directory = store.libraries().stream().collect(Collectors.collectingAndThen(
                Collectors.toMap(Library::id, l -> l, (a, b) -> a, TreeMap::new), Collections::unmodifiableMap));
    }

    /** Every member, by id. */
    public List<Library> all() {
        return List.copyOf(directory.values());
    }

    public Optional<Library> get(String id) {
        return Optional.ofNullable(directory.get(id));
    }

    /** Adds the member, or replaces its directory entry. */
    public synchronized void save(Library library) {
        store.saveLibrary(library);
        var updated = new TreeMap<>(directory);
        updated.put(library.id(), library);
        directory = Collections.unmodifiableMap(updated);
    }

    /** The directory as it stands now, by id. */
    Map<String, Library> byId() {
        return directory;
    }

    /** @throws UnknownLibraryException if the member is not in the directory */
    Library require(String libraryId) {
        Library library = directory.get(libraryId);
        if (library == null) {
            throw new UnknownLibraryException(libraryId);
        }
        return library;
    }
}

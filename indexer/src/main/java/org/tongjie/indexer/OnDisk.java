package org.tongjie.indexer;

import java.nio.file.Path;
import org.tongjie.index.UnionIndex;
import org.tongjie.index.lucene.CatalogIndex;
import org.tongjie.search.Ranking;
import org.tongjie.store.RecordStore;
import org.tongjie.store.sqlite.CatalogStore;

/** Today's implementations on one machine: SQLite in {@code catalog.db} and Lucene in {@code index/}. */
final class OnDisk {
    private OnDisk() {}

    static RecordStore store(Path dataDir) {
        return CatalogStore.openSqlite(dataDir.resolve("catalog.db"));
    }

    static UnionIndex index(Path dataDir, Ranking ranking) {
        return CatalogIndex.open(dataDir.resolve("index"), ranking);
    }
}

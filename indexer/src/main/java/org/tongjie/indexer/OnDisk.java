package org.tongjie.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tongjie.index.UnionIndex;
import org.tongjie.index.lucene.CatalogIndex;
import org.tongjie.search.Ranking;
import org.tongjie.store.RecordStore;
import org.tongjie.store.sqlite.CatalogStore;

/** Today's implementations on one machine: SQLite in {@code catalog.db} and Lucene in {@code index/}. */
final class OnDisk {
    private OnDisk() {}

    /**
     * Refuses a data directory whose index another process writes (a running hub), before anything is opened:
     * the index's write.lock is an OS file lock, which this process can test without taking for long.
     */
    static void refuseIfInUse(Path dataDir) {
        Path lock = dataDir.resolve("index").resolve("write.lock");
        if (!Files.exists(lock)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                throw new CatalogInUseException(dataDir);
            }
            held.release();
        } catch (OverlappingFileLockException e) {
            throw new CatalogInUseException(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the index lock " + lock, e);
        }
    }

    static RecordStore store(Path dataDir) {
        return CatalogStore.openSqlite(dataDir.resolve("catalog.db"));
    }

    static UnionIndex index(Path dataDir, Ranking ranking) {
        return CatalogIndex.open(dataDir.resolve("index"), ranking);
    }
}

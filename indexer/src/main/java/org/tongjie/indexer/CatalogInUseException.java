package org.tongjie.indexer;

import java.nio.file.Path;

/** Another process (a running hub) has the data directory's catalogue open for writing: one writer at a time. */
public final class CatalogInUseException extends RuntimeException {
    private final Path dataDir;

    public CatalogInUseException(Path dataDir) {
        super("the catalogue in " + dataDir + " is open in another process (its index is locked)");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}

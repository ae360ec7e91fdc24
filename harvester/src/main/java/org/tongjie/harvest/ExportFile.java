package org.tongjie.harvest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.IngestReport;

/**
 * A member's MARC export as a file on disk (ISO 2709 or MARCXML, gzipped or not) — how many small
 * libraries send their records. The OAI-PMH and Z39.50 harvesters join this package in their issue.
 */
public final class ExportFile {
    private ExportFile() {}

    /** Opens the file, gunzipping it when it starts with the gzip magic number. */
    public static InputStream open(Path file) {
        try {
            var in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(2);
            boolean gzip = in.read() == 0x1F && in.read() == 0x8B;
            in.reset();
            return gzip ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such export file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the export file " + file, e);
        }
    }

    /** Loads the file into the catalogue for the member. */
    public static IngestReport load(Catalog catalog, String libraryId, Path file) {
        try (InputStream in = open(file)) {
            return catalog.ingest().file(libraryId, in, "file:" + file.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the export file " + file, e);
        }
    }
}

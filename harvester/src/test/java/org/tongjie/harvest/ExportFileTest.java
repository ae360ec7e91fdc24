package org.tongjie.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.indexer.Catalog;
import org.tongjie.testing.SharedData;

class ExportFileTest {

    @Test
    void aGzippedExportFromTheZebraExamplesLoadsWhole(@TempDir Path data) throws IOException {
        Path export = SharedData.debianFile(SharedData.ZEBRA_SAMPLE_MARC);
        try (var catalog = Catalog.open(data, Clock.systemUTC())) {
            catalog.libraries().save(new Library("lc", "国会图书馆", "Library of Congress", LibraryKind.CENTRAL,
                    Optional.empty(), "", Optional.empty()));

            var report = ExportFile.load(catalog, "lc", export);

            assertEquals(24, report.accepted());
            assertEquals(0, report.quarantined());
        }
    }

    @Test
    void aMissingFileIsNamedInTheError() {
        var e = assertThrows(IllegalArgumentException.class, () -> ExportFile.open(Path.of("/nonexistent/export.mrc")));
        assertEquals("no such export file: /nonexistent/export.mrc", e.getMessage());
    }
}

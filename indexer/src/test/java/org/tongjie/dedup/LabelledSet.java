package org.tongjie.dedup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongjie.catalog.BibRecord;
import org.tongjie.marc.MarcEntry;
import org.tongjie.marc.MarcSource;
import org.tongjie.marc.Normalizer;
import org.tongjie.testing.SharedData;

/**
 * The hand-labelled evaluation set ({@code eval/labels.tsv}, made as {@code eval/LABELLING.md} says):
 * each real record with the edition a person judged it to be. Every record is read as if a library of
 * its own sent it, so byte-identical copies in one file stay two records, as they would from two members.
 * Records the hub quarantines are left out.
 */
record LabelledSet(List<Labelled> records) {
    record Labelled(BibRecord record, String edition, String note) {
        boolean unsure() {
            return note.contains("UNSURE");
        }
    }

    private record Row(String file, int position, String edition, String note) {}

    static LabelledSet load() throws IOException {
        var rows = rows();
        var byFile = new LinkedHashMap<String, List<Row>>();
        rows.forEach(r -> byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r));
        var out = new ArrayList<Labelled>();
        int library = 0;
        for (var entry : byFile.entrySet()) {
            List<MarcEntry> entries = read(path(entry.getKey()));
            for (Row row : entry.getValue()) {
                String libraryId = "eval" + library++;
                if (entries.get(row.position() - 1) instanceof MarcEntry.Parsed parsed) {
                    Normalizer.normalize(libraryId, parsed)
                            .ifPresent(r -> out.add(new Labelled(r, row.edition(), row.note())));
                }
            }
        }
        return new LabelledSet(out);
    }

    private static List<Row> rows() throws IOException {
        try (InputStream in = LabelledSet.class.getResourceAsStream("eval/labels.tsv")) {
            var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().skip(1).toList();
            return lines.stream().map(l -> l.split("\t", -1))
                    .map(f -> new Row(f[0], Integer.parseInt(f[1]), f[3], f[4])).toList();
        }
    }

    private static Path path(String file) {
        return file.startsWith("repo:")
                ? Path.of(System.getProperty("tongjie.repo.root", "..")).resolve(file.substring("repo:".length()))
                : SharedData.file(file);
    }

    private static List<MarcEntry> read(Path file) throws IOException {
        var entries = new ArrayList<MarcEntry>();
        try (InputStream in = Files.newInputStream(file); var source = MarcSource.open(in)) {
            source.forEachRemaining(entries::add);
        }
        return entries;
    }

    Map<String, Labelled> byRecordId() {
        var out = new HashMap<String, Labelled>();
        records.forEach(l -> out.put(l.record().id(), l));
        return out;
    }
}

package org.tongjie.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.marc4j.MarcReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

/** Reading MARC the way tests need it: marc4j for fields, yaz-marcdump for YAZ's own encoding of a file. */
final class MarcFiles {
    private MarcFiles() {}

    static Record iso2709(byte[] bytes) {
        return single(new MarcStreamReader(new ByteArrayInputStream(bytes)));
    }

    static Record marcXml(byte[] bytes) {
        return single(new MarcXmlReader(new ByteArrayInputStream(bytes)));
    }

    static String title(Record record) {
        return ((DataField) record.getVariableField("245")).getSubfield('a').getData();
    }

    /**
     * {@code yaz-marcdump -i marc -o marc [-f from -t to] FILE}, split into records: what YAZ makes of each
     * record when it decodes and re-encodes ISO 2709, as Zebra does before it serves a record.
     */
    static List<byte[]> yazMarcdump(Path file, Path workDir, String... charsetOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/yaz-marcdump", "-i", "marc", "-o", "marc"));
        command.addAll(List.of(charsetOptions));
        command.add(file.toAbsolutePath().toString());
        Path out = Files.createTempFile(workDir, "marcdump", ".mrc");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        assertEquals(0, process.exitValue(), command + " failed");
        return split(Files.readAllBytes(out));
    }

    /** ISO 2709 records by their own record length (leader/00-04). */
    static List<byte[]> split(byte[] file) {
        List<byte[]> records = new ArrayList<>();
        int at = 0;
        while (at + 5 <= file.length && Character.isDigit(file[at])) {
            int length = Integer.parseInt(new String(file, at, 5, StandardCharsets.US_ASCII));
            records.add(Arrays.copyOfRange(file, at, at + length));
            at += length;
        }
        return records;
    }

    private static Record single(MarcReader reader) {
        Record record = reader.next();
        assertFalse(reader.hasNext(), "one record expected");
        return record;
    }

}

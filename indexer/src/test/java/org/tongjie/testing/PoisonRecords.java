package org.tongjie.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * MARCXML files with records that once wedged the catalogue (a 40 KB title, a 32 KB 001, a huge subject, a
 * 20 MB record) among ordinary ones, for the regressions of issue 22.
 */
public final class PoisonRecords {
    private PoisonRecords() {}

    /** An ordinary MARC21 record: its 001, a title and a subject. */
    public static String record(String id, String title, String subject) {
        return record(id, title, subject, "");
    }

    /** With this ISBN (none if empty): records with the same ISBN are one edition. */
    public static String record(String id, String title, String subject, String isbn) {
        String isbnField = isbn.isEmpty() ? ""
                : "<datafield tag=\"020\" ind1=\" \" ind2=\" \"><subfield code=\"a\">" + isbn + "</subfield></datafield>";
        return """
                <record>
                  <leader>00000nam a2200000 a 4500</leader>
                  <controlfield tag="001">%s</controlfield>
                  <controlfield tag="008">200101s2020    cc            000 0 chi d</controlfield>
                  %s
                  <datafield tag="245" ind1="0" ind2="0"><subfield code="a">%s</subfield></datafield>
                  <datafield tag="650" ind1=" " ind2="0"><subfield code="a">%s</subfield></datafield>
                </record>
                """.formatted(id, isbnField, title, subject);
    }

    /** Text of at least {@code bytes} UTF-8 bytes: the word again and again, so analysers see many tokens. */
    public static String longText(String word, int bytes) {
        return (word + " ").repeat(bytes / (word + " ").getBytes(StandardCharsets.UTF_8).length + 1);
    }

    /** One unbroken word of {@code bytes} bytes: what a tokenizer must cut and a key must fit. */
    public static String longWord(int bytes) {
        return "X".repeat(bytes);
    }

    public static byte[] collection(String... records) {
        return ("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n" + String.join("", records) + "</collection>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A collection: an ordinary record, a record of about {@code megabytes} MB (one subject that long), and
     * another ordinary record; written to the stream without holding the large record in memory.
     */
    public static void withHugeRecord(OutputStream out, int megabytes) {
        try {
            out.write("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n".getBytes(StandardCharsets.UTF_8));
            out.write(record("before-huge", "Before the huge record", "Ordinary").getBytes(StandardCharsets.UTF_8));
            String[] parts = record("huge", "A huge record", "@@").split("@@");
            out.write(parts[0].getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "words words words words words words words words ".repeat(20_000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < (long) megabytes << 20; written += chunk.length) {
                out.write(chunk);
            }
            out.write(parts[1].getBytes(StandardCharsets.UTF_8));
            out.write(record("after-huge", "After the huge record", "Ordinary").getBytes(StandardCharsets.UTF_8));
            out.write("</collection>\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] withHugeRecord(int megabytes) {
        var out = new ByteArrayOutputStream();
        withHugeRecord(out, megabytes);
        return out.toByteArray();
    }
}

package org.tongjie.index.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.tongjie.catalog.UnionRecord;

/** The union record is stored in the index as JSON, so results render without reading the store. */
final class RecordJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module());

    private RecordJson() {}

    static byte[] write(UnionRecord record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise record " + record.id(), e);
        }
    }

    static UnionRecord read(byte[] json) {
        try {
            return MAPPER.readValue(json, UnionRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored record in the index does not read back; rebuild the index", e);
        }
    }
}

package org.tongjie.app.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultSetHandleTest {

    @Test
    void aHandleReadsBackWithItsIdsItsOrderAndAQueryHoldingLineBreaks() {
        var handle = new ResultSetHandle("@attr 1=4 @attr 4=6 @attr 5=100 \"two\nlines\"", List.of("TITLE", "-DATE"),
                List.of("a.1", "b.2"));

        ResultSetHandle read = ResultSetHandle.decode(handle.encode());

        assertEquals(handle, read);
        assertEquals(Optional.of("b.2"), read.idAt(2));
        assertEquals(Optional.empty(), read.idAt(3));
        assertEquals(Optional.empty(), read.idAt(0));
    }

    @Test
    void aSearchThatFoundNothingKeepsItsQuery() {
        var handle = new ResultSetHandle("@attr 1=4 @attr 4=6 @attr 5=100 \"quokka\"", List.of(), List.of());

        assertEquals(handle, ResultSetHandle.decode(handle.encode()));
    }
}

package org.tongjie.app.z3950;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Why the Z39.50 server is off, in one line: the process's "its log:" lead-in is not repeated before the log's path. */
class OffReasonTest {
    @Test
    void theLogLeadInIsDroppedFromTheFirstLine() {
        assertEquals("the Z39.50 server exited with 1 before listening on 0.0.0.0:2100",
                HubZ3950Server.firstLine("the Z39.50 server exited with 1 before listening on 0.0.0.0:2100; its log:\nbind: in use"));
        assertEquals("it did not start", HubZ3950Server.firstLine(null));
    }
}

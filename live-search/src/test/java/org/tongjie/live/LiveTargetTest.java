package org.tongjie.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tongjie.catalog.LiveTarget;

/** The one-line spec the directory stores a live target as. */
class LiveTargetTest {

    @Test
    void theSpecReadsBackToTheSameTarget() {
        var target = new LiveTarget("z3950.loc.gov", 7090, "Voyager", LiveTarget.Syntax.UNIMARC, Duration.ofMillis(2500));
        assertEquals("z3950.loc.gov:7090/Voyager?syntax=UNIMARC&timeoutMs=2500", target.spec());
        assertEquals(target, LiveTarget.parse(target.spec()));
    }

    @Test
    void optionsDefaultToUsmarcAndThreeSeconds() {
        assertEquals(LiveTarget.of("127.0.0.1", 210, "Default"), LiveTarget.parse("127.0.0.1:210/Default"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host/Default", "host:0/Default", "host:70000/Default", "host:210/",
            "host:210/Default?syntax=MARCXML", "host:210/Default?timeoutMs=0", "host:210/Default?timeoutMs=soon",
            "host:210/Default?timeoutMs=600000", "host:210/Default?colour=red", "host:210/a b"})
    void aBadSpecIsRefusedQuotingIt(String spec) {
        var e = assertThrows(IllegalArgumentException.class, () -> LiveTarget.parse(spec));
        assertTrue(e.getMessage().contains("'" + spec + "'") || e.getMessage().contains(spec.isEmpty() ? "''" : spec),
                e.getMessage());
    }
}

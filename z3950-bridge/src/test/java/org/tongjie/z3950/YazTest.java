package org.tongjie.z3950;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class YazTest {

    /** ./tongjie test installs Debian's libyaz5, so the binding must find it and call into it. */
    @Test
    void theFfmBindingCallsIntoDebiansLibyaz5() {
        String version = Yaz.version().orElseThrow(() -> new AssertionError(
                "libyaz.so.5 not found: install Debian's libyaz5 (./tongjie test does)"));
        assertTrue(version.matches("5\\.\\d+\\.\\d+"), "a YAZ 5 version, was " + version);
    }
}

package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void defaultsRunOnPort7070WithDataUnderDotData() {
        var config = Main.parseOptions(List.of(), new ArrayList<>());
        assertEquals(new HubConfig(Path.of("data"), 7070, true), config);
    }

    @Test
    void optionsOverrideTheDefaults() {
        var positional = new ArrayList<String>();
        var config = Main.parseOptions(List.of("--data", "/tmp/x", "--port", "8080", "--no-demo", "lib", "f.mrc"), positional);
        assertEquals(Path.of("/tmp/x"), config.dataDir());
        assertEquals(8080, config.port());
        assertFalse(config.loadDemo());
        assertEquals(List.of("lib", "f.mrc"), positional);
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertEquals("--port must be a number, was 'http'",
                assertThrows(IllegalArgumentException.class, () -> Main.parseOptions(List.of("--port", "http"), new ArrayList<>())).getMessage());
        assertEquals("--port must be between 0 and 65535, was 70000",
                assertThrows(IllegalArgumentException.class, () -> Main.parseOptions(List.of("--port", "70000"), new ArrayList<>())).getMessage());
        assertEquals("--data needs a value",
                assertThrows(IllegalArgumentException.class, () -> Main.parseOptions(List.of("--data"), new ArrayList<>())).getMessage());
        assertEquals("unknown option --verbose",
                assertThrows(IllegalArgumentException.class, () -> Main.parseOptions(List.of("--verbose"), new ArrayList<>())).getMessage());
    }
}

package org.tongjie.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredTest {
    @Test
    void aMissingPrerequisiteSkipsOnADevelopersMachineWithTheReason() {
        var skipped = assertThrows(TestAbortedException.class,
                () -> Required.check(false, "/usr/bin/zoomsh: apt-get install -y yaz", false));
        assertEquals("missing /usr/bin/zoomsh: apt-get install -y yaz", skipped.getMessage());
    }

    @Test
    void aMissingPrerequisiteFailsUnderCiNamingWhatIsMissingAndHowToGetIt() {
        var failed = assertThrows(AssertionFailedError.class,
                () -> Required.check(false, "/usr/bin/zoomsh: apt-get install -y yaz", true));
        assertTrue(failed.getMessage().startsWith("missing /usr/bin/zoomsh: apt-get install -y yaz (CI=true"),
                failed.getMessage());
    }

    @Test
    void aPresentPrerequisiteLetsTheTestGoOnEverywhere() {
        assertDoesNotThrow(() -> Required.check(true, "nothing", true));
        assertDoesNotThrow(() -> Required.check(true, "nothing", false));
    }

    @Test
    void sharedDataNamesTheMissingFileAndWhereTheFolderComesFrom() {
        String reason = assertThrows(Throwable.class, // a skip here, a failure under CI
                () -> SharedData.file(Path.of("/nonexistent"), "pool/x.mrc")).getMessage();
        assertTrue(reason.contains("shared test data /nonexistent/pool/x.mrc") && reason.contains("-Dtongjie.shared.data=DIR"),
                reason);
    }
}

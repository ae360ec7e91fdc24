package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Members' ILL settings: kept across a reopen, and what routing and loans then see of the library. */
class LendingSettingsTest {
    @TempDir
    Path dir;

    IllStore open() {
        return IllStore.openSqlite(dir.resolve("ill.db"), Clock.systemUTC());
    }

    @Test
    void aLibraryWithoutSettingsLendsWithoutQuotaByTheDefaultPolicy() {
        try (var store = open()) {
            assertEquals(LibrarySettings.DEFAULT, store.settings().of("b"));
        }
    }

    @Test
    void savedSettingsAreKeptAndReplacedWhole() {
        var policy = new LendingPolicy(Duration.ofDays(14), 1, Duration.ofDays(7), Duration.ofDays(3),
                Duration.ofDays(5), Duration.ofHours(36));
        var settings = new LibrarySettings(false, OptionalInt.of(4), policy);
        try (var store = open()) {
            store.settings().save("b", settings, "staff:b");
            store.settings().save("c", LibrarySettings.DEFAULT, "admin");
        }
        try (var store = open()) {
            assertEquals(settings, store.settings().of("b"));
            store.settings().save("b", new LibrarySettings(true, OptionalInt.empty(), policy), "staff:b");
            assertEquals(OptionalInt.empty(), store.settings().of("b").quota());
        }
    }

    @Test
    void routingSeesAClosedLibraryItsQuotaAndItsPolicy() {
        var policy = new LendingPolicy(Duration.ofDays(14), 0, Duration.ofDays(7), Duration.ofDays(3),
                Duration.ofDays(5), Duration.ofHours(36));
        var library = NetworkLibrary.of("b", ServicePointKind.CENTRAL, null, null);

        var closed = new LibrarySettings(false, OptionalInt.of(4), policy).applyTo(library);

        assertFalse(closed.open());
        assertEquals(4, closed.quota());
        assertEquals(policy, closed.policy());
        assertEquals(Integer.MAX_VALUE, LibrarySettings.DEFAULT.applyTo(library).quota());
        assertThrows(IllegalArgumentException.class, () -> new LibrarySettings(true, OptionalInt.of(-1), policy));
    }
}

package org.tongjie.api.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongjie.api.ill.IllTestHub.Answer;
import org.tongjie.api.ill.IllTestHub.As;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.ill.Reader;

/**
 * PIN guessing over HTTP (issue 22: 500 wrong PINs at 40/s met no throttle): a card waits after five wrong
 * PINs and locks at ten, even to its right PIN, until its home library's desk unlocks it; and the account
 * routes refuse card numbers, library ids and languages out of bounds with a 400 that says what is allowed.
 */
class ReaderSignInTest {
    @TempDir
    Path dir;

    @Test
    void twentyWrongPinsLockTheCardUntilItsHomeDeskUnlocksIt() throws Exception {
        try (var hub = new IllTestHub(dir, Clock.systemUTC())) {
            hub.library("a", LibraryKind.CENTRAL, null, 31.38, 120.98).library("x", LibraryKind.CENTRAL, null, 31.65, 120.75);
            hub.ill.store().accounts().registerReader(new Reader("A-0001", "a"), "2468");
            var statuses = new ArrayList<Integer>();
            Answer last = null;
            for (int i = 0; i < 20; i++) {
                last = hub.get("/api/ill/me", As.reader("A-0001", String.format("%04d", i)));
                statuses.add(last.status());
            }
            assertEquals(java.util.Collections.nCopies(5, 401), statuses.subList(0, 5), statuses.toString());
            assertTrue(statuses.subList(5, 9).stream().allMatch(s -> s == 429 || s == 401), statuses.toString());
            assertEquals(java.util.Collections.nCopies(11, 423), statuses.subList(9, 20), statuses.toString());
            assertEquals("locked", last.get("code").asText());
            assertTrue(last.get("detail").asText().contains("home library desk can unlock it"), last.json().toString());

            assertEquals(423, hub.get("/api/ill/me", As.reader("A-0001", "2468")).status(), "the right PIN is refused while locked");
            var otherDesk = hub.post("/api/ill/readers/A-0001/unlock", As.key(hub.staffKey("x")), Map.of());
            assertEquals(403, otherDesk.status(), otherDesk.json().toString());
            assertEquals(401, hub.post("/api/ill/readers/A-0001/unlock", As.NOBODY, Map.of()).status());
            var ownDesk = hub.post("/api/ill/readers/A-0001/unlock", As.key(hub.staffKey("a")), Map.of());
            assertEquals(200, ownDesk.status(), ownDesk.json().toString());
            assertFalse(ownDesk.get("locked").asBoolean());
            assertEquals(200, hub.get("/api/ill/me", As.reader("A-0001", "2468")).status(), "unlocked: the right PIN opens again");

            assertEquals(404, hub.post("/api/ill/readers/A-0404/unlock", As.key(hub.adminKey), Map.of()).status());
            var badCard = hub.post("/api/ill/readers/a%20b/unlock", As.key(hub.adminKey), Map.of());
            assertEquals(400, badCard.status(), badCard.json().toString());
        }
    }

    @Test
    void registrationInputsOutOfBoundsAreRefusedWithWhatIsAllowed() throws Exception {
        try (var hub = new IllTestHub(dir, Clock.systemUTC())) {
            hub.library("a", LibraryKind.CENTRAL, null, 31.38, 120.98);
            var admin = As.key(hub.adminKey);
            var cases = Map.of(
                    "1 to 32 letters, digits or dashes", Map.of("cardNumber", "9".repeat(10_000), "homeLibraryId", "a", "pin", "2468"),
                    "a card number is", Map.of("cardNumber", "A 0001", "homeLibraryId", "a", "pin", "2468"),
                    "homeLibraryId: a library id is 1 to 64", Map.of("cardNumber", "A-0001", "homeLibraryId", "a".repeat(65), "pin", "2468"),
                    "4 to 12 digits", Map.of("cardNumber", "A-0001", "homeLibraryId", "a", "pin", "1".repeat(13)),
                    "is zh or en", Map.of("cardNumber", "A-0001", "homeLibraryId", "a", "pin", "2468", "language", "fr"));
            for (var c : cases.entrySet()) {
                var answer = hub.post("/api/ill/readers", admin, c.getValue());
                assertEquals(400, answer.status(), c.getKey() + ": " + answer.json());
                assertTrue(answer.json().toString().contains(c.getKey()), c.getKey() + ": " + answer.json());
            }
            var label = hub.post("/api/ill/api-keys", admin, Map.of("libraryId", "a", "label", "x".repeat(201)));
            assertEquals(400, label.status(), label.json().toString());
            var library = hub.post("/api/ill/api-keys", admin, Map.of("libraryId", "../etc"));
            assertEquals(400, library.status(), library.json().toString());
            assertTrue(hub.ill.store().accounts().homeLibraryOf("A-0001").isEmpty(), "nothing was registered");
        }
    }
}

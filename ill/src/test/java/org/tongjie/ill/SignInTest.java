package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers' sign-ins: back-off after five failures, locked at ten until a desk unlocks, an unknown card
 * answered after the same slow hash, hashes of an older work factor replaced. A counting hasher stands in for
 * PBKDF2 (what is asserted is which hashes run, never how long they take). {@code PostgresSignInTest} runs the
 * same on PostgreSQL.
 */
class SignInTest {
    private static final Reader READER = new Reader("320583000000001", "KS");
    private static final int ITERATIONS = 1_000;

    @TempDir
    Path dir;
    Database db;
    Networks.MovableClock clock;
    List<Integer> hashed = new ArrayList<>();
    PinHasher counting = (pin, salt, iterations) -> {
        hashed.add(iterations);
        return PinHasher.PBKDF2.hash(pin, salt, 1);
    };

    @BeforeEach
    void open() {
        db = openDatabase();
        clock = new Networks.MovableClock(Walk.T0);
    }

    Database openDatabase() {
        return Database.openSqlite(dir.resolve("ill.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    IllAccounts accounts(int iterations) {
        return new IllAccounts(db, clock, counting, iterations);
    }

    @Test
    void twentyWrongPinsLockTheCardUntilADeskUnlocksIt() {
        IllAccounts accounts = accounts(ITERATIONS);
        accounts.registerReader(READER, "2468");
        var answers = new ArrayList<SignIn>();
        for (int i = 0; i < 20; i++) {
            answers.add(accounts.signIn(READER.cardNumber(), "1357"));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(new SignIn.Refused(i + 1), answers.get(i), "failure " + (i + 1) + " is checked and refused");
        }
        for (int i = 5; i < 9; i++) {
            assertInstanceOf(SignIn.Wait.class, answers.get(i), "failure " + (i + 1) + " comes before its wait is over");
        }
        for (int i = 9; i < 20; i++) {
            assertEquals(new SignIn.Locked(), answers.get(i), "attempt " + (i + 1));
        }
        assertTrue(accounts.locked(READER.cardNumber()));

        clock.advance(Duration.ofDays(1));
        assertEquals(new SignIn.Locked(), accounts.signIn(READER.cardNumber(), "2468"), "the right PIN is refused while locked");
        assertEquals(new SignIn.Locked(), accounts(ITERATIONS).signIn(READER.cardNumber(), "2468"), "a restart forgives nothing");

        assertTrue(accounts.unlock(READER.cardNumber(), "desk KS"));
        assertEquals(new SignIn.Accepted(READER), accounts.signIn(READER.cardNumber(), "2468"));
        assertEquals(new SignIn.Refused(1), accounts.signIn(READER.cardNumber(), "1357"), "the count starts again");
        assertFalse(accounts.unlock("NO-SUCH-CARD", "desk KS"), "an unknown card cannot be unlocked");
    }

    @Test
    void afterFiveFailuresTheCardWaitsTwiceAsLongEachTimeBeforeItsPinIsChecked() {
        IllAccounts accounts = accounts(ITERATIONS);
        accounts.registerReader(READER, "2468");
        for (int i = 0; i < 5; i++) {
            accounts.signIn(READER.cardNumber(), "0000");
        }
        int before = hashed.size();
        assertEquals(new SignIn.Wait(Duration.ofSeconds(2)), accounts.signIn(READER.cardNumber(), "2468"),
                "the right PIN too is refused unchecked, and the attempt counts (6 in a row: 2 s)");
        assertEquals(before, hashed.size(), "no hash while the card waits");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(new SignIn.Accepted(READER), accounts.signIn(READER.cardNumber(), "2468"));
        assertEquals(new SignIn.Refused(1), accounts.signIn(READER.cardNumber(), "0000"), "a right PIN clears the count");
    }

    @Test
    void anUnknownCardIsHashedAtTheCurrentWorkFactorAndLocksAsAKnownOneDoes() {
        IllAccounts accounts = accounts(ITERATIONS);
        assertEquals(new SignIn.Refused(1), accounts.signIn("320583999999999", "1234"));
        assertEquals(List.of(ITERATIONS), hashed, "the unknown card's PIN went through the slow hash");
        for (int i = 1; i < 10; i++) {
            clock.advance(Duration.ofHours(1));
            accounts.signIn("320583999999999", "1234");
        }
        assertEquals(new SignIn.Locked(), accounts.signIn("320583999999999", "1234"),
                "an unknown card locks too, so locking tells nothing about which cards exist");
    }

    @Test
    void aHashOfAnOlderWorkFactorIsReplacedAtTheNextSignIn() throws Exception {
        accounts(ITERATIONS).registerReader(READER, "2468");
        assertEquals(ITERATIONS, storedIterations());
        IllAccounts upgraded = accounts(ITERATIONS * 2);
        assertEquals(new SignIn.Accepted(READER), upgraded.signIn(READER.cardNumber(), "2468"));
        assertEquals(ITERATIONS * 2, storedIterations());
        assertEquals(new SignIn.Accepted(READER), accounts(ITERATIONS * 2).signIn(READER.cardNumber(), "2468"),
                "the new hash verifies");
        assertEquals(new SignIn.Refused(1), upgraded.signIn(READER.cardNumber(), "1111"));
    }

    @Test
    void theProductionWorkFactorIsAtLeastOwasps() {
        assertTrue(PinHasher.CURRENT_ITERATIONS >= 600_000);
        try (IllStore store = IllStore.openSqlite(dir.resolve("other.db"), clock)) {
            store.accounts().registerReader(READER, "2468");
            assertTrue(store.accounts().reader(READER.cardNumber(), "2468").isPresent());
        }
    }

    @Test
    void aRightPinIsHashedOnceThenRecognisedUntilItsPinChanges() {
        IllAccounts accounts = accounts(ITERATIONS);
        accounts.registerReader(READER, "2468");
        hashed.clear();
        for (int i = 0; i < 5; i++) {
            assertEquals(new SignIn.Accepted(READER), accounts.signIn(READER.cardNumber(), "2468"));
        }
        assertEquals(1, hashed.size(), "a reader's pages sign in with every call; the slow hash runs once");
        accounts.registerReader(READER, "1357");
        hashed.clear();
        assertEquals(new SignIn.Refused(1), accounts.signIn(READER.cardNumber(), "2468"), "the old PIN is gone");
        assertEquals(1, hashed.size());
    }

    @Test
    void cardNumbersAreLettersDigitsAndDashesUpToThirtyTwo() {
        IllAccounts accounts = accounts(ITERATIONS);
        var tooLong = new Reader("1".repeat(33), "KS");
        var e = assertThrows(IllegalArgumentException.class, () -> accounts.registerReader(tooLong, "2468"));
        assertTrue(e.getMessage().contains("1 to 32 letters, digits or dashes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> accounts.registerReader(new Reader("a b", "KS"), "2468"));
        assertEquals(new SignIn.Refused(0), accounts.signIn("9".repeat(10_000), "1234"), "nothing stored for it");
        assertEquals(List.of(), hashed);
    }

    private int storedIterations() throws Exception {
        return db.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT pin_iterations FROM ill_readers")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}

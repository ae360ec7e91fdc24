package org.tongjie.ill;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readers' PINs and members' API keys. A PIN is stored as a salted slow hash ({@link PinHasher}) with its
 * work factor, and re-hashed at the current factor on the next sign-in; sign-ins are limited per card
 * ({@link SignInFailures}). An API key is 32 random bytes shown once and stored as its SHA-256 (it is long
 * and random, so a fast hash is enough and lookups stay cheap).
 */
public final class IllAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(IllAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What an unknown card's PIN is hashed with, so that its answer takes as long as a registered card's. */
    private static final byte[] DUMMY_SALT = new byte[16];
    /** A card number as the hub issues and takes them: letters, digits and dashes. */
    private static final java.util.regex.Pattern CARD = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final int MAX_PIN_LENGTH = 64;

    private final Database db;
    private final Clock clock;
    private final PinHasher hasher;
    private final int iterations;
    private final SignInFailures failures;
    private final RecentSignIns recent;

    IllAccounts(Database db, Clock clock) {
        this(db, clock, PinHasher.PBKDF2, PinHasher.CURRENT_ITERATIONS);
    }

    IllAccounts(Database db, Clock clock, PinHasher hasher, int iterations) {
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
        this.iterations = iterations;
        this.failures = new SignInFailures(db, clock);
        this.recent = new RecentSignIns(clock);
    }

    /** Registers the reader or changes their PIN; notices in Chinese. */
    public void registerReader(Reader reader, String pin) {
        registerReader(reader, pin, Language.ZH);
    }

    /** Registers the reader or changes their PIN and the language of their notices. */
    public void registerReader(Reader reader, String pin, Language language) {
        registerReader(reader, pin, language, true);
    }

    /** The home library of the reader with this card, if the card is registered. */
    public Optional<String> homeLibraryOf(String cardNumber) {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT home_library FROM ill_readers WHERE card_number = ?")) {
                st.setString(1, cardNumber);
                try (var rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Refuses a card number the hub would not issue: 1 to 32 letters, digits or dashes. */
    public static String checkCardNumber(String cardNumber) {
        if (cardNumber == null || !CARD.matcher(cardNumber).matches()) {
            throw new IllegalArgumentException("a card number is 1 to 32 letters, digits or dashes (A-Z, a-z, 0-9, -), was '"
                    + abbreviated(cardNumber) + "'");
        }
        return cardNumber;
    }

    /**
     * Registers the reader; with {@code reset}, a card already registered gets this PIN, home library and
     * language instead (the caller has checked who may reset it). Either way the card's failed sign-ins are
     * forgotten.
     *
     * @throws ReaderExistsException without {@code reset}, when the card is already registered
     */
    public void registerReader(Reader reader, String pin, Language language, boolean reset) {
        Checks.present(reader, "reader");
        checkCardNumber(reader.cardNumber());
        if (pin == null || !pin.matches("[0-9]{4,12}")) {
            throw new IllegalArgumentException("a PIN is 4 to 12 digits");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String hash = HexFormat.of().formatHex(hasher.hash(pin, salt, iterations));
        db.inTransaction(c -> {
            try (var del = c.prepareStatement("DELETE FROM ill_readers WHERE card_number = ?")) {
                del.setString(1, reader.cardNumber());
                if (del.executeUpdate() > 0 && !reset) {
                    // Checked in the transaction that would replace the card, so two registrations cannot both pass.
                    throw new ReaderExistsException("card " + reader.cardNumber() + " is already registered; its home"
                            + " library's desk or the network administrator may reset it (\"reset\": true)");
                }
            }
            try (var st = c.prepareStatement("INSERT INTO ill_readers (card_number, home_library, pin_salt, pin_hash, "
                    + "pin_iterations, language) VALUES (?, ?, ?, ?, ?, ?)")) {
                st.setString(1, reader.cardNumber());
                st.setString(2, reader.homeLibraryId());
                st.setString(3, HexFormat.of().formatHex(salt));
                st.setString(4, hash);
                st.setInt(5, iterations);
                st.setString(6, language.name().toLowerCase(java.util.Locale.ROOT));
                st.executeUpdate();
            }
            return null;
        });
        recent.forget(reader.cardNumber());
        failures.clear(reader.cardNumber());
    }

    /** The reader, if the card and PIN are right and the card may sign in now (see {@link #signIn}). */
    public Optional<Reader> reader(String cardNumber, String pin) {
        return signIn(cardNumber, pin) instanceof SignIn.Accepted a ? Optional.of(a.reader()) : Optional.empty();
    }

    /**
     * Checks a reader's card and PIN, within the card's limits: a card that must wait, or is locked, is refused
     * before its PIN is hashed; otherwise the PIN is hashed whether or not the card is registered (an unknown
     * card answers as slowly as a known one), and a failure is counted and logged (never the PIN).
     */
    public SignIn signIn(String cardNumber, String pin) {
        if (cardNumber == null || pin == null || !CARD.matcher(cardNumber).matches() || pin.length() > MAX_PIN_LENGTH) {
            return new SignIn.Refused(0); // no card the hub issues: nothing to count against
        }
        var state = failures.of(cardNumber);
        if (state.isPresent() && state.get().locked()) {
            LOG.warn("sign-in refused for locked card {}", Reader.masked(cardNumber));
            return new SignIn.Locked();
        }
        Instant now = clock.instant();
        if (state.isPresent() && !state.get().waitAt(now).isZero()) {
            int count = failed(cardNumber, "tried again before its wait was over");
            return count >= SignInFailures.LOCK_AFTER ? new SignIn.Locked()
                    : new SignIn.Wait(new SignInFailures.State(count, now, false).waitAt(now));
        }
        Optional<StoredPin> stored = storedPin(cardNumber);
        if (stored.isPresent() && recent.knows(cardNumber, pin, stored.get().hash())) {
            return accepted(cardNumber, stored.get());
        }
        byte[] actual = stored.isPresent() ? hasher.hash(pin, stored.get().salt(), stored.get().iterations())
                : hasher.hash(pin, DUMMY_SALT, iterations);
        if (stored.isPresent() && MessageDigest.isEqual(HexFormat.of().parseHex(stored.get().hash()), actual)) {
            recent.remember(cardNumber, pin, stored.get().hash());
            rehashIfOld(cardNumber, pin, stored.get());
            return accepted(cardNumber, stored.get());
        }
        int count = failed(cardNumber, "wrong card number or PIN");
        return count >= SignInFailures.LOCK_AFTER ? new SignIn.Locked() : new SignIn.Refused(count);
    }

    /**
     * Lets a locked or waiting card sign in again (its home library's desk has checked who the reader is).
     *
     * @return false if the card is not registered
     */
    public boolean unlock(String cardNumber, String by) {
        if (homeLibraryOf(cardNumber).isEmpty()) {
            return false;
        }
        if (failures.clear(cardNumber)) {
            LOG.info("card {} unlocked by {}", Reader.masked(cardNumber), by);
        }
        return true;
    }

    /** Whether the card is locked after too many failed sign-ins. */
    public boolean locked(String cardNumber) {
        return failures.of(cardNumber).map(SignInFailures.State::locked).orElse(false);
    }

    /** Counts and logs a failure (the card, masked, and why; never the PIN); the failures in a row. */
    private int failed(String cardNumber, String why) {
        int count = failures.record(cardNumber);
        LOG.warn("failed sign-in for card {}: {} ({} in a row{})", Reader.masked(cardNumber), why, count,
                count >= SignInFailures.LOCK_AFTER ? ", locked until its home library's desk unlocks it" : "");
        return count;
    }

    private SignIn accepted(String cardNumber, StoredPin stored) {
        failures.clear(cardNumber);
        return new SignIn.Accepted(new Reader(cardNumber, stored.homeLibrary()));
    }

    private record StoredPin(String homeLibrary, byte[] salt, String hash, int iterations) {}

    private Optional<StoredPin> storedPin(String cardNumber) {
        return db.read(c -> {
            try (var st = c.prepareStatement(
                    "SELECT home_library, pin_salt, pin_hash, pin_iterations FROM ill_readers WHERE card_number = ?")) {
                st.setString(1, cardNumber);
                try (var rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredPin(rs.getString(1), HexFormat.of().parseHex(rs.getString(2)),
                            rs.getString(3), rs.getInt(4))) : Optional.<StoredPin>empty();
                }
            }
        });
    }

    /** A hash made at an older work factor is replaced now, while the PIN is at hand. */
    private void rehashIfOld(String cardNumber, String pin, StoredPin stored) {
        if (stored.iterations() >= iterations) {
            return;
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String hash = HexFormat.of().formatHex(hasher.hash(pin, salt, iterations));
        db.inTransaction(c -> {
            try (var st = c.prepareStatement("UPDATE ill_readers SET pin_salt = ?, pin_hash = ?, pin_iterations = ? "
                    + "WHERE card_number = ? AND pin_hash = ?")) {
                st.setString(1, HexFormat.of().formatHex(salt));
                st.setString(2, hash);
                st.setInt(3, iterations);
                st.setString(4, cardNumber);
                st.setString(5, stored.hash()); // a reset in between wins
                return st.executeUpdate();
            }
        });
        recent.forget(cardNumber);
    }

    private static String abbreviated(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "… (" + s.length() + " characters)";
    }

    /** The language the reader chose for notices. */
    public Language language(Reader reader) {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT language FROM ill_readers WHERE card_number = ?")) {
                st.setString(1, reader.cardNumber());
                try (var rs = st.executeQuery()) {
                    return Language.of(rs.next() ? rs.getString(1) : null);
                }
            }
        });
    }

    /** A new API key for a member library's staff; the key is returned once and only its hash is kept. */
    public String issueStaffKey(String libraryId, String label) {
        return issue("STAFF", Checks.nonBlank(libraryId, "library id"), label);
    }

    public String issueAdminKey(String label) {
        return issue("ADMIN", null, label);
    }

    public Optional<Principal> byApiKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT role, library_id, label FROM ill_api_keys WHERE key_hash = ?")) {
                st.setString(1, sha256(key));
                try (var rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Principal>empty();
                    }
                    String label = rs.getString("label");
                    return Optional.<Principal>of(rs.getString("role").equals("ADMIN") ? new Principal.Admin(label)
                            : new Principal.Staff(rs.getString("library_id"), label));
                }
            }
        });
    }

    private String issue(String role, String libraryId, String label) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String key = "tj_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        db.inTransaction(c -> {
            try (var st = c.prepareStatement(
                    "INSERT INTO ill_api_keys (key_hash, role, library_id, label) VALUES (?, ?, ?, ?)")) {
                st.setString(1, sha256(key));
                st.setString(2, role);
                st.setString(3, libraryId);
                st.setString(4, label == null ? "" : label);
                st.executeUpdate();
            }
            return null;
        });
        return key;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package org.tongjie.ill;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Readers' PINs and members' API keys. A PIN is stored as a salted PBKDF2-HMAC-SHA256 hash (a PIN is
 * short, so the hash must be slow); an API key is 32 random bytes shown once and stored as its SHA-256
 * (it is long and random, so a fast hash is enough and lookups stay cheap).
 */
public final class IllAccounts {
    private static final int PIN_ITERATIONS = 50_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;

    IllAccounts(Database db) {
        this.db = db;
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

    /**
     * Registers the reader; with {@code reset}, a card already registered gets this PIN, home library and
     * language instead (the caller has checked who may reset it).
     *
     * @throws ReaderExistsException without {@code reset}, when the card is already registered
     */
    public void registerReader(Reader reader, String pin, Language language, boolean reset) {
        Checks.present(reader, "reader");
        if (pin == null || !pin.matches("[0-9]{4,12}")) {
            throw new IllegalArgumentException("a PIN is 4 to 12 digits");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String hash = HexFormat.of().formatHex(pbkdf2(pin, salt, PIN_ITERATIONS));
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
                st.setInt(5, PIN_ITERATIONS);
                st.setString(6, language.name().toLowerCase(java.util.Locale.ROOT));
                st.executeUpdate();
            }
            return null;
        });
    }

    /** The reader, if the card is registered and the PIN is right. */
    public Optional<Reader> reader(String cardNumber, String pin) {
        if (cardNumber == null || pin == null) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM ill_readers WHERE card_number = ?")) {
                st.setString(1, cardNumber);
                try (var rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Reader>empty();
                    }
                    byte[] salt = HexFormat.of().parseHex(rs.getString("pin_salt"));
                    byte[] expected = HexFormat.of().parseHex(rs.getString("pin_hash"));
                    byte[] actual = pbkdf2(pin, salt, rs.getInt("pin_iterations"));
                    return MessageDigest.isEqual(expected, actual)
                            ? Optional.of(new Reader(cardNumber, rs.getString("home_library")))
                            : Optional.<Reader>empty();
                }
            }
        });
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

    private static byte[] pbkdf2(String pin, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
        }
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

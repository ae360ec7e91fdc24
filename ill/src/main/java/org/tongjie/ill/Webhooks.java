package org.tongjie.ill;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Member libraries' webhooks. Kept in memory as well (read at open and after each change), since every
 * transition asks which webhooks want it.
 */
public final class Webhooks {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_URL_LENGTH = 2_000;

    private final Database db;
    private final Clock clock;
    private volatile List<Webhook> all;

    Webhooks(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.all = load();
    }

    /** A new webhook for {@code libraryId}, with a fresh signing secret (shown to the caller once). */
    public Webhook register(String libraryId, URI url, String createdBy) {
        Checks.nonBlank(libraryId, "library id");
        Checks.present(url, "webhook URL");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("a webhook URL must be http or https, was " + url);
        }
        if (url.toString().length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("a webhook URL is at most " + MAX_URL_LENGTH + " characters, was "
                    + url.toString().length());
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long id = db.inTransaction(c -> {
            try (var st = c.prepareStatement("INSERT INTO ill_webhooks (library_id, url, secret, created_by, created_at) "
                    + "VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                st.setString(1, libraryId);
                st.setString(2, url.toString());
                st.setString(3, secret);
                st.setString(4, Checks.nonBlank(createdBy, "created by"));
                st.setString(5, clock.instant().toString());
                try (var rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        all = load();
        return new Webhook(id, libraryId, url, secret);
    }

    public List<Webhook> all() {
        return all;
    }

    public Optional<Webhook> find(long id) {
        return all.stream().filter(w -> w.id() == id).findFirst();
    }

    private List<Webhook> load() {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT id, library_id, url, secret FROM ill_webhooks ORDER BY id");
                 var rs = st.executeQuery()) {
                var out = new ArrayList<Webhook>();
                while (rs.next()) {
                    out.add(new Webhook(rs.getLong(1), rs.getString(2), URI.create(rs.getString(3)), rs.getString(4)));
                }
                return List.copyOf(out);
            }
        });
    }
}

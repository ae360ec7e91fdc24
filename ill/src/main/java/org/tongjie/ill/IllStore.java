package org.tongjie.ill;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Requests and their event logs. Every change goes through {@link #apply}, which checks the transition
 * table, bumps the version only if the caller saw the latest one, and appends the event, all in one
 * transaction. Safe to share between threads.
 */
public final class IllStore implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IllStore.class);
    private final Database db;
    private final Clock clock;
    private final IllAccounts accounts;
    private final Agencies agencies;
    private final Outbox outbox;
    private final Webhooks webhooks;
    private final LendingSettings settings;
    private final IllReports reports;
    private final List<OutboxRule> rules = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<Transition>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private IllStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.accounts = new IllAccounts(db, clock);
        this.agencies = new Agencies(db);
        this.outbox = new Outbox(db, clock);
        this.webhooks = new Webhooks(db, clock);
        this.settings = new LendingSettings(db, clock);
        this.reports = new IllReports(db);
    }

    /** Each member library's ILL settings: lending or not, quota, lending policy. */
    public LendingSettings settings() {
        return settings;
    }

    /** The external agencies the network lends to, and their requests. */
    public Agencies agencies() {
        return agencies;
    }

    /** Messages waiting to leave the hub. */
    public Outbox outbox() {
        return outbox;
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    /** From now on every move also stores the messages {@code rule} gives, in the move's transaction. */
    public void addOutboxRule(OutboxRule rule) {
        rules.add(Objects.requireNonNull(rule, "rule"));
    }

    /**
     * From now on {@code listener} hears of every move once it is committed, on the thread that made it.
     * For live views (the event stream): a listener that throws is logged and does not undo the move.
     */
    public void addListener(java.util.function.Consumer<Transition> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Read-only questions over many requests: a reader's own, and the statistics. */
    public IllReports reports() {
        return reports;
    }

    /** Readers' PINs and members' API keys, in the same database. */
    public IllAccounts accounts() {
        return accounts;
    }

    /** Opens (creating if needed) the SQLite file and migrates the ILL tables; the file may be shared. */
    public static IllStore openSqlite(Path file, Clock clock) {
        return new IllStore(Database.openSqlite(file), Objects.requireNonNull(clock, "clock"));
    }

    /** As {@link #openSqlite(Path, Clock)}, but syncing the log only at checkpoints (not power-loss durable): for the benchmark's comparison. */
    static IllStore openSqliteNormalSync(Path file, Clock clock) {
        return new IllStore(Database.openSqlite(file, org.sqlite.SQLiteConfig.SynchronousMode.NORMAL), clock);
    }

    /**
     * Opens a PostgreSQL database and migrates the ILL tables (history table {@code ill_schema_history}).
     * Under READ COMMITTED the version guard in the UPDATE, not the read before it, decides a race.
     */
    public static IllStore openPostgres(javax.sql.DataSource dataSource, Clock clock) {
        return new IllStore(Database.openPostgres(dataSource), Objects.requireNonNull(clock, "clock"));
    }

    /** Records a new request in state REQUESTED at version 0. */
    public IllRequest create(Citation citation, Reader reader, ServiceType serviceType, Pickup pickup) {
        var draft = new IllRequest(0, citation, reader, serviceType, pickup, RequestState.REQUESTED, 0, Progress.NONE);
        String now = clock.instant().toString();
        long id = db.inTransaction(c -> {
            long newId = insertRequest(c, draft, now);
            insertPatron(c, newId, reader, pickup);
            return newId;
        });
        return new IllRequest(id, citation, reader, serviceType, pickup, RequestState.REQUESTED, 0, Progress.NONE);
    }

    /** What {@link #createForAgency} did: the request, and whether this call created it. */
    public record Created(IllRequest request, boolean isNew) {}

    /**
     * Records a new request for an external agency, linked to the agency's own request id; if that id is
     * already linked, the existing request is returned and nothing is written (the agency sent it again).
     */
    public Created createForAgency(AgencyLink link, Citation citation, Reader reader, ServiceType type, Pickup pickup) {
        Checks.present(link, "agency link");
        var draft = new IllRequest(0, citation, reader, type, pickup, RequestState.REQUESTED, 0, Progress.NONE);
        String now = clock.instant().toString();
        try {
            return db.inTransaction(c -> {
                Optional<Long> existing = Agencies.requestOf(c, link);
                if (existing.isPresent()) {
                    return new Created(load(c, existing.get()).orElseThrow(), false);
                }
                long id = insertRequest(c, draft, now);
                insertPatron(c, id, reader, pickup);
                Agencies.insertLink(c, link, id);
                return new Created(new IllRequest(id, citation, reader, type, pickup, RequestState.REQUESTED, 0,
                        Progress.NONE), true);
            });
        } catch (IllStoreException e) {
            // PostgreSQL: a concurrent copy of the same request won the unique key; answer with its request
            return agencies.requestOf(link).map(id -> new Created(find(id).orElseThrow(), false)).orElseThrow(() -> e);
        }
    }

    public Optional<IllRequest> find(long id) {
        return db.read(c -> load(c, id));
    }

    /** The request's events, oldest first. */
    public List<RequestEvent> events(long id) {
        return db.read(c -> {
            try (var st = c.prepareStatement("SELECT * FROM ill_events WHERE request_id = ? ORDER BY seq")) {
                st.setLong(1, id);
                try (var rs = st.executeQuery()) {
                    var out = new ArrayList<RequestEvent>();
                    while (rs.next()) {
                        out.add(Rows.event(rs));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * Moves request {@code id} by {@code command}, provided it is still at {@code expectedVersion}.
     *
     * <p>Idempotent for a repeated click: if the request has already moved past {@code expectedVersion}
     * by exactly this command from the same actor (the next event matches action, details and actor),
     * the request is returned as it is now and nothing is written.
     *
     * @param note free text for the log; blank means none
     * @return the request after the move
     * @throws ConcurrentChangeException if it changed since the caller read it (nothing written)
     * @throws IllegalTransitionException if the table does not allow the action from its state
     * @throws UnknownRequestException if there is no such request
     */
    public IllRequest apply(long id, long expectedVersion, Command command, String actor, String note) {
        Checks.present(command, "command");
        Checks.nonBlank(actor, "actor");
        Checks.present(note, "note (use \"\" for none)");
        var written = new ArrayList<Transition>(1);
        IllRequest result = db.inTransaction(c -> {
            written.clear();
            IllRequest current = load(c, id).orElseThrow(() -> new UnknownRequestException(id));
            if (current.version() != expectedVersion) {
                Optional<RequestEvent> next = event(c, id, expectedVersion + 1);
                if (next.isPresent() && next.get().action() == command.action()
                        && next.get().details().equals(command.details()) && next.get().actor().equals(actor)) {
                    return current; // the same click again: already done
                }
                throw new ConcurrentChangeException(id, expectedVersion,
                        "it is now at version " + current.version() + ", state " + current.state());
            }
            return applyIn(c, current, command, actor, note, written);
        });
        publish(written);
        return result;
    }

    /**
     * Routes the request to the next lender on its rota whose copy can be promised to it, or cancels it when
     * no lender is left. With {@code plan}, the rota is first stored (only once per request: the rota is its
     * history of choices). The ROUTE event's note carries the reason the lender was chosen.
     */
    public IllRequest route(long id, long expectedVersion, Optional<List<RotaEntry>> plan, String actor) {
        return route(id, expectedVersion, plan, actor, false);
    }

    /**
     * As above; each lender's copy is promised to the request as it is routed there ({@link Copies#reserve}),
     * a line whose copy another request got first is skipped (or its library's spare copy taken), and when no
     * copy is left the request waits in the title's holds queue if {@code holdIfNone} or a copy was taken
     * meanwhile, else it is cancelled.
     */
    IllRequest route(long id, long expectedVersion, Optional<List<RotaEntry>> plan, String actor, boolean holdIfNone) {
        Checks.present(plan, "rota plan");
        Checks.nonBlank(actor, "actor");
        var written = new ArrayList<Transition>(1);
        IllRequest result = db.inTransaction(c -> {
            written.clear();
            IllRequest current = load(c, id).orElseThrow(() -> new UnknownRequestException(id));
            if (current.version() != expectedVersion) {
                throw new ConcurrentChangeException(id, expectedVersion,
                        "it is now at version " + current.version() + ", state " + current.state());
            }
            if (plan.isPresent()) {
                if (!rota(c, id).isEmpty()) {
                    throw new IllegalStateException("ILL request " + id + " already has a rota; route it without a plan");
                }
                insertRota(c, id, plan.get());
            }
            boolean taken = false;
            List<RotaEntry> lines = rota(c, id);
            for (RotaEntry line : lines) {
                if (line.status() != RotaEntry.Status.WAITING) {
                    continue;
                }
                Optional<RotaEntry> promised = promise(c, current, line, lines, actor);
                if (promised.isPresent()) {
                    RotaEntry e = promised.get();
                    return applyIn(c, current, Command.route(e.position(), e.libraryId()), actor,
                            "routed to " + e.libraryId() + " (rota line " + e.position() + "): " + e.reason(), written);
                }
                taken = true;
                markRota(c, id, line.position(), RotaEntry.Status.SKIPPED, "copy " + line.barcode().orElse("")
                        + " was promised to another request first");
            }
            if ((holdIfNone || taken) && Transitions.next(current.track(), current.state(), Action.HOLD).isPresent()) {
                return applyIn(c, current, Command.of(Action.HOLD), actor,
                        "no copy free now: waiting in the holds queue for a copy to come back", written);
            }
            return applyIn(c, current, Command.of(Action.CANCEL), actor,
                    "rota exhausted: no lender left that can fill this request", written);
        });
        publish(written);
        return result;
    }

    /** The line (or a spare copy at the same library) whose copy is now promised to {@code r}; empty if all are taken. */
    private Optional<RotaEntry> promise(Connection c, IllRequest r, RotaEntry line, List<RotaEntry> lines, String actor)
            throws SQLException {
        if (r.serviceType() == ServiceType.COPY || line.barcode().isEmpty()) {
            return Optional.of(line); // a copy of an article, or an untracked copy: nothing leaves the shelf for good
        }
        var candidates = new ArrayList<RotaEntry>(List.of(line));
        lines.stream().filter(e -> e.status() == RotaEntry.Status.SPARE && e.libraryId().equals(line.libraryId())
                && e.barcode().isPresent()).forEach(candidates::add);
        for (RotaEntry e : candidates) {
            String owner = Copies.ownerOf(c, e.libraryId(), e.barcode().orElseThrow());
            if (Copies.reserve(c, owner, e.barcode().orElseThrow(), r.citation().unionRecordId(), r.id(), e.libraryId(),
                    actor, clock.instant())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static void markRota(Connection c, long id, int position, RotaEntry.Status status, String outcome)
            throws SQLException {
        try (var st = c.prepareStatement("UPDATE ill_rota SET status = ?, outcome = ? WHERE request_id = ? AND position = ?")) {
            st.setString(1, status.name());
            st.setString(2, outcome);
            st.setLong(3, id);
            st.setInt(4, position);
            st.executeUpdate();
        }
    }

    private void publish(List<Transition> written) {
        for (Transition t : written) {
            for (var listener : listeners) {
                try {
                    listener.accept(t);
                } catch (RuntimeException e) {
                    LOG.error("a listener failed on request {} event {}; the move stands", t.request().id(),
                            t.event().seq(), e);
                }
            }
        }
    }

    /** The request's rota, lenders in order and then the skipped copies; empty before routing. */
    public List<RotaEntry> rota(long id) {
        return db.read(c -> rota(c, id));
    }

    /** Open lending requests per lender (routed, at the lender, will supply, picked): the queue depth routing balances. */
    public Map<String, Integer> openLendingLoad() {
        return db.read(c -> {
            var out = new HashMap<String, Integer>();
            try (var st = c.prepareStatement("SELECT lender_library, COUNT(*) FROM ill_requests WHERE state IN "
                    + "('ROUTED', 'AT_LENDER', 'WILL_SUPPLY', 'PICKED') AND lender_library IS NOT NULL GROUP BY lender_library");
                 var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** Requests in any of {@code states} whose time column (see {@link Due}) is before {@code now}, oldest first. */
    public List<IllRequest> due(Due which, Set<RequestState> states, Instant now) {
        String sql = Rows.SELECT_REQUEST + " WHERE r.state IN (" + placeholders(states.size()) + ") AND r."
                + which.column + " < ? ORDER BY r." + which.column + ", r.id";
        return db.read(c -> {
            try (var st = c.prepareStatement(sql)) {
                int i = 1;
                for (RequestState s : states) {
                    st.setString(i++, s.name());
                }
                st.setLong(i, now.toEpochMilli());
                return requests(st);
            }
        });
    }

    /** Requests in any of {@code states}, oldest change first. */
    public List<IllRequest> inStates(Set<RequestState> states) {
        String sql = Rows.SELECT_REQUEST + " WHERE r.state IN (" + placeholders(states.size()) + ") ORDER BY r.updated_at, r.id";
        return db.read(c -> {
            try (var st = c.prepareStatement(sql)) {
                int i = 1;
                for (RequestState s : states) {
                    st.setString(i++, s.name());
                }
                return requests(st);
            }
        });
    }

    /** The time columns the scheduled jobs look at. */
    public enum Due {
        LENDER_ANSWER("respond_by_ms"), PICKUP_HOLD("hold_until_ms"), LOAN("due_ms");

        private final String column;

        Due(String column) {
            this.column = column;
        }
    }

    /**
     * Requests in {@code states} where library {@code libraryId} is the given party, oldest change first.
     */
    public List<IllRequest> queue(Party party, String libraryId, Set<RequestState> states) {
        String sql = Rows.SELECT_REQUEST + " WHERE " + party.column + " = ? AND r.state IN ("
                + placeholders(states.size()) + ") ORDER BY r.updated_at, r.id";
        return db.read(c -> {
            try (var st = c.prepareStatement(sql)) {
                st.setString(1, libraryId);
                int i = 2;
                for (RequestState s : states) {
                    st.setString(i++, s.name());
                }
                return requests(st);
            }
        });
    }

    /** Which library column a queue selects on. */
    public enum Party {
        LENDER("r.lender_library"), PICKUP("r.pickup_library"), RETURN_POINT("r.returned_at_library");

        private final String column;

        Party(String column) {
            this.column = column;
        }
    }

    /** Lines for the pick list of a lender: its requests at WILL_SUPPLY with the copy on their current rota line. */
    List<PickListLine> pickList(String libraryId) {
        return db.read(c -> {
            try (var st = c.prepareStatement("""
                    SELECT r.id, r.version, r.state, r.title, o.service_point, o.location, o.call_number, o.barcode
                    FROM ill_requests r JOIN ill_rota o ON o.request_id = r.id AND o.position = r.rota_position
                    WHERE r.lender_library = ? AND r.state = 'WILL_SUPPLY'""")) {
                st.setString(1, libraryId);
                try (var rs = st.executeQuery()) {
                    var out = new ArrayList<PickListLine>();
                    while (rs.next()) {
                        out.add(new PickListLine(rs.getLong(1), rs.getLong(2), RequestState.valueOf(rs.getString(3)),
                                rs.getString(4), rs.getString(5), Optional.ofNullable(rs.getString(6)),
                                Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8))));
                    }
                    return out;
                }
            }
        });
    }

    /** Copy {@code barcode} of {@code owner} as ILL tracks it; empty when ILL never moved it (it is on its owner's shelf). */
    public Optional<Copy> copy(String owner, String barcode) {
        return db.read(c -> Copies.find(c, owner, barcode));
    }

    /** Every move of the copy, oldest first. */
    public List<Copy.Event> copyHistory(String owner, String barcode) {
        return db.read(c -> Copies.history(c, owner, barcode));
    }

    /** Tracked copies with this barcode, whoever owns them. */
    public List<Copy> copiesByBarcode(String barcode) {
        return db.read(c -> Copies.byBarcode(c, barcode));
    }

    /** Tracked copies of a union record: what routing and the catalogue's availability read. */
    public List<Copy> copiesOf(String unionRecordId) {
        return db.read(c -> Copies.ofRecord(c, unionRecordId));
    }

    /** The copy promised to or lent for the request now. */
    public Optional<Copy> copyOf(long requestId) {
        return db.read(c -> Copies.ofRequest(c, requestId));
    }

    /** Whether any request waits in the title's holds queue. */
    public boolean hasHolds(String unionRecordId) {
        return db.read(c -> RequestQueries.firstHold(c, unionRecordId)).isPresent();
    }

    /** Copies on the hold shelf or in a locker at {@code library}, in {@code slot}: the slot's occupants. */
    public List<Copy> copiesAt(String library, String slot) {
        return db.read(c -> Copies.inSlot(c, library, slot));
    }

    /** The request's place in its title's holds queue (1 is next); empty when it is not waiting. */
    public OptionalInt holdPosition(IllRequest r) {
        return db.read(c -> RequestQueries.holdPosition(c, r));
    }

    /** The locker code of a request put into a smart locker slot. */
    public Optional<String> pickupCode(long requestId) {
        return db.read(c -> PickupCodes.of(c, requestId));
    }

    /** A reader's open requests, newest first. */
    public List<IllRequest> openRequestsOf(Reader reader) {
        return db.read(c -> RequestQueries.openOf(c, reader));
    }

    /** Requests by number, reader card, barcode or title, newest first. */
    public List<IllRequest> search(String q, int limit) {
        Checks.nonBlank(q, "search text");
        return db.read(c -> RequestQueries.search(c, q.strip(), limit));
    }

    /** As {@link #apply}, with where a checked-in copy now sits and the courier taking it home. */
    IllRequest apply(long id, long expectedVersion, Command command, String actor, String note, CopyMoves.Extras extras) {
        var written = new ArrayList<Transition>(1);
        IllRequest result = db.inTransaction(c -> {
            written.clear();
            IllRequest current = load(c, id).orElseThrow(() -> new UnknownRequestException(id));
            if (current.version() != expectedVersion) {
                throw new ConcurrentChangeException(id, expectedVersion,
                        "it is now at version " + current.version() + ", state " + current.state());
            }
            return applyIn(c, current, command, actor, note, written, extras);
        });
        publish(written);
        return result;
    }

    /**
     * The copy (owner, barcode), on a shelf again, goes to the first request in its title's holds queue: it
     * is promised to it and the request is routed to the library where the copy sits. Empty when nobody
     * waits, or the copy is not on a shelf (someone else got it first).
     */
    public Optional<IllRequest> fillHold(String owner, String barcode, String actor) {
        var written = new ArrayList<Transition>(1);
        Optional<IllRequest> result = db.inTransaction(c -> {
            written.clear();
            Optional<Copy> copy = Copies.find(c, owner, barcode).filter(k -> k.state() == CopyState.ON_SHELF);
            if (copy.isEmpty()) {
                return Optional.<IllRequest>empty();
            }
            Optional<IllRequest> hold = RequestQueries.firstHold(c, copy.get().unionRecordId());
            if (hold.isEmpty()) {
                return Optional.<IllRequest>empty();
            }
            IllRequest r = hold.get();
            String at = copy.get().shelfLibrary();
            if (!Copies.reserve(c, owner, barcode, r.citation().unionRecordId(), r.id(), at, actor, clock.instant())) {
                return Optional.<IllRequest>empty();
            }
            int position = rota(c, r.id()).stream().mapToInt(RotaEntry::position).max().orElse(0) + 1;
            String reason = "hold filled: copy " + barcode + " of " + owner + " is on the shelf at " + at;
            insertRota(c, r.id(), List.of(new RotaEntry(position, at, at, Optional.of(barcode), Optional.empty(),
                    Optional.empty(), RotaEntry.Status.WAITING, reason, Optional.empty())));
            return Optional.of(applyIn(c, r, Command.route(position, at), actor,
                    "routed to " + at + " (rota line " + position + "): " + reason, written));
        });
        publish(written);
        return result;
    }

    /**
     * Staff picked or shipped another copy of the same edition than the one promised: the promised copy goes
     * back on its shelf and {@code barcode} (at the lender) is promised instead, both recorded.
     *
     * @throws CopyConflictException if that copy is promised to another request or out
     */
    public void swapCopy(long requestId, String barcode, String actor) {
        db.inTransaction(c -> {
            IllRequest r = load(c, requestId).orElseThrow(() -> new UnknownRequestException(requestId));
            String lender = r.progress().lender().orElseThrow(() -> new CopyConflictException(
                    "request " + requestId + " has no lender yet; no copy to replace"));
            Optional<Copy> promised = Copies.ofRequest(c, requestId);
            if (promised.isPresent() && promised.get().barcode().equals(barcode)) {
                return null;
            }
            if (promised.isPresent()) {
                Copies.move(c, promised.get(), new Copies.Move(CopyState.ON_SHELF, OptionalLong.empty(),
                        promised.get().shelfLibrary(), Optional.empty(), Optional.empty(), Optional.empty()), actor,
                        clock.instant(), "request " + requestId + " took copy " + barcode + " instead");
            }
            String owner = Copies.ownerOf(c, lender, barcode);
            if (!Copies.reserve(c, owner, barcode, r.citation().unionRecordId(), requestId, lender, actor, clock.instant())) {
                throw new CopyConflictException("copy " + barcode + " of " + owner + " is "
                        + Copies.find(c, owner, barcode).map(k -> k.state() + k.requestId().stream()
                                .mapToObj(n -> " (request " + n + ")").findFirst().orElse("")).orElse("unknown")
                        + "; it cannot be sent for request " + requestId);
            }
            return null;
        });
    }

    @Override
    public void close() {
        db.close();
    }

    private IllRequest applyIn(Connection c, IllRequest current, Command command, String actor, String note,
                               List<Transition> written) throws SQLException {
        return applyIn(c, current, command, actor, note, written, CopyMoves.Extras.NONE);
    }

    private IllRequest applyIn(Connection c, IllRequest current, Command command, String actor, String note,
                               List<Transition> written, CopyMoves.Extras extras) throws SQLException {
        long id = current.id();
        RequestState to = Transitions.next(current.track(), current.state(), command.action())
                .orElseThrow(() -> new IllegalTransitionException(id, current.state(), command.action(),
                        Transitions.allowed(current.track(), current.state())));
        var event = new RequestEvent(id, current.version() + 1, actor, clock.instant(), current.state(), to,
                command.action(), command.details(), Optional.of(note).filter(n -> !n.isBlank()));
        Progress progress = current.progress().after(command);
        updateState(c, id, current.version(), to, progress, event);
        insertEvent(c, event);
        updateRota(c, id, current.progress(), progress, command.action(), note);
        var after = new IllRequest(id, current.citation(), current.reader(), current.serviceType(), current.pickup(), to,
                event.seq(), progress);
        Optional<Copy> copy = Copies.ofRequest(c, id);
        if (copy.isPresent()) {
            Optional<Copies.Move> move = CopyMoves.follow(copy.get(), after, command, extras);
            if (move.isPresent()) {
                Copies.move(c, copy.get(), move.get(), actor, event.at(), command.action() + " of request " + id);
            }
        }
        if (command.action() == Action.SHELVE_FOR_PICKUP && current.pickup() instanceof Pickup.AtServicePoint p
                && p.kind() == Pickup.Kind.SMART_LOCKER) {
            PickupCodes.issue(c, id);
        }
        if (!rules.isEmpty() || !listeners.isEmpty()) {
            var transition = new Transition(after, event, rotaLine(c, id, progress.rotaPosition()), Agencies.linkOf(c, id));
            var messages = new ArrayList<Outgoing>();
            for (OutboxRule rule : rules) {
                messages.addAll(rule.messages(transition));
            }
            if (!messages.isEmpty()) {
                Outbox.insert(c, id, messages, event.at());
            }
            written.add(transition);
        }
        return after;
    }

    private static Optional<RotaEntry> rotaLine(Connection c, long id, int position) throws SQLException {
        if (position == 0) {
            return Optional.empty();
        }
        try (var st = c.prepareStatement("SELECT * FROM ill_rota WHERE request_id = ? AND position = ?")) {
            st.setLong(1, id);
            st.setInt(2, position);
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Rows.rota(rs)) : Optional.empty();
            }
        }
    }

    /** The rota line of the lender follows its answers: asked, unfilled (with why), supplying. */
    private static void updateRota(Connection c, long id, Progress before, Progress after, Action action, String note)
            throws SQLException {
        String status = switch (action) {
            case ROUTE -> "CURRENT";
            case UNFILLED -> "UNFILLED";
            case WILL_SUPPLY -> "SUPPLYING";
            default -> null;
        };
        if (status == null || after.rotaPosition() == 0) {
            return;
        }
        try (var st = c.prepareStatement(
                "UPDATE ill_rota SET status = ?, outcome = COALESCE(?, outcome) WHERE request_id = ? AND position = ?")) {
            st.setString(1, status);
            st.setString(2, action == Action.UNFILLED ? (note.isBlank() ? "unfilled" : note) : null);
            st.setLong(3, id);
            st.setInt(4, after.rotaPosition());
            st.executeUpdate();
        }
    }

    private static List<RotaEntry> rota(Connection c, long id) throws SQLException {
        try (var st = c.prepareStatement("SELECT * FROM ill_rota WHERE request_id = ? ORDER BY position")) {
            st.setLong(1, id);
            try (var rs = st.executeQuery()) {
                var out = new ArrayList<RotaEntry>();
                while (rs.next()) {
                    out.add(Rows.rota(rs));
                }
                return out;
            }
        }
    }

    private static void insertRota(Connection c, long id, List<RotaEntry> plan) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO ill_rota (request_id, position, library_id, service_point, barcode, location, call_number,
                  status, reason, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (RotaEntry e : plan) {
                st.setLong(1, id);
                st.setInt(2, e.position());
                st.setString(3, e.libraryId());
                st.setString(4, e.servicePoint());
                st.setString(5, e.barcode().orElse(null));
                st.setString(6, e.location().orElse(null));
                st.setString(7, e.callNumber().orElse(null));
                st.setString(8, e.status().name());
                st.setString(9, e.reason());
                st.setString(10, e.outcome().orElse(null));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static Optional<RequestEvent> event(Connection c, long id, long seq) throws SQLException {
        try (var st = c.prepareStatement("SELECT * FROM ill_events WHERE request_id = ? AND seq = ?")) {
            st.setLong(1, id);
            st.setLong(2, seq);
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Rows.event(rs)) : Optional.empty();
            }
        }
    }

    static List<IllRequest> requests(java.sql.PreparedStatement st) throws SQLException {
        try (var rs = st.executeQuery()) {
            var out = new ArrayList<IllRequest>();
            while (rs.next()) {
                out.add(Rows.request(rs));
            }
            return out;
        }
    }

    private static String placeholders(int n) {
        if (n == 0) {
            throw new IllegalArgumentException("at least one state is needed");
        }
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static Optional<IllRequest> load(Connection c, long id) throws SQLException {
        try (var st = c.prepareStatement(Rows.SELECT_REQUEST + " WHERE r.id = ?")) {
            st.setLong(1, id);
            try (var rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Rows.request(rs)) : Optional.empty();
            }
        }
    }

    /** The version guard: on PostgreSQL under READ COMMITTED this, not the read above, stops a race. */
    private static void updateState(Connection c, long id, long expectedVersion, RequestState to, Progress p,
                                    RequestEvent event) throws SQLException {
        try (var st = c.prepareStatement("""
                UPDATE ill_requests SET state = ?, version = version + 1, updated_at = ?, lender_library = ?,
                  rota_position = ?, respond_by_ms = ?, hold_until_ms = ?, due_ms = ?, renewals = ?,
                  returned_at_library = ?
                WHERE id = ? AND version = ?""")) {
            st.setString(1, to.name());
            st.setString(2, event.at().toString());
            st.setString(3, p.lender().orElse(null));
            st.setInt(4, p.rotaPosition());
            setMillis(st, 5, p.respondBy());
            setMillis(st, 6, p.holdUntil());
            setMillis(st, 7, p.due());
            st.setInt(8, p.renewals());
            st.setString(9, p.returnedAt().orElse(null));
            st.setLong(10, id);
            st.setLong(11, expectedVersion);
            if (st.executeUpdate() == 0) {
                throw new ConcurrentChangeException(id, expectedVersion, "another writer got there first");
            }
        }
    }

    private static void setMillis(java.sql.PreparedStatement st, int i, Optional<Instant> t) throws SQLException {
        if (t.isPresent()) {
            st.setLong(i, t.get().toEpochMilli());
        } else {
            st.setNull(i, java.sql.Types.BIGINT);
        }
    }

    private static void insertEvent(Connection c, RequestEvent e) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO ill_events (request_id, seq, at, actor, from_state, to_state, action, note,
                  courier, waybill, slot, hold_until, due_at, point_library, point_kind, lender_library,
                  rota_position, respond_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            st.setLong(1, e.requestId());
            st.setLong(2, e.seq());
            st.setString(3, e.at().toString());
            st.setString(4, e.actor());
            st.setString(5, e.from().name());
            st.setString(6, e.to().name());
            st.setString(7, e.action().name());
            st.setString(8, e.note().orElse(null));
            Rows.bindDetails(st, 9, e.details());
            st.executeUpdate();
        }
    }

    private static long insertRequest(Connection c, IllRequest r, String now) throws SQLException {
        try (var st = c.prepareStatement("""
                INSERT INTO ill_requests (union_record_id, title, author, isbn, holding_library, holding_barcode,
                  service_type, pickup_kind, pickup_library, state, version, created_at, updated_at, volume)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) RETURNING id""")) {
            Citation ci = r.citation();
            st.setString(1, ci.unionRecordId());
            st.setString(2, ci.title());
            st.setString(3, ci.author().orElse(null));
            st.setString(4, ci.isbn().orElse(null));
            st.setString(5, ci.holding().map(Citation.Holding::lenderLibraryId).orElse(null));
            st.setString(6, ci.holding().map(Citation.Holding::barcode).orElse(null));
            st.setString(7, r.serviceType().name());
            st.setString(8, r.pickup() instanceof Pickup.AtServicePoint p ? p.kind().name() : "HOME");
            st.setString(9, r.pickup() instanceof Pickup.AtServicePoint p ? p.libraryId() : null);
            st.setString(10, r.state().name());
            st.setString(11, now);
            st.setString(12, now);
            st.setString(13, ci.volume().orElse(null));
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertPatron(Connection c, long id, Reader reader, Pickup pickup) throws SQLException {
        try (var st = c.prepareStatement(
                "INSERT INTO ill_patrons (request_id, card_number, home_library, delivery_address) VALUES (?, ?, ?, ?)")) {
            st.setLong(1, id);
            st.setString(2, reader.cardNumber());
            st.setString(3, reader.homeLibraryId());
            st.setString(4, pickup instanceof Pickup.HomeDelivery h ? h.address() : null);
            st.executeUpdate();
        }
    }
}

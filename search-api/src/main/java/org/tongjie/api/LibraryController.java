package org.tongjie.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tongjie.api.auth.Caller;
import org.tongjie.api.http.ProblemException;
import org.tongjie.catalog.Coordinates;
import org.tongjie.catalog.HoldingsMapping;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.catalog.LiveTarget;
import org.tongjie.harvest.members.Member;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.harvest.members.MemberSource;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.UnknownLibraryException;
import org.tongjie.store.IngestBatch;

/** The member directory, and members sending their records. */
final class LibraryController {
    private final Catalog catalog;
    private final MemberDirectory members;

    LibraryController(Catalog catalog, MemberDirectory members) {
        this.catalog = catalog;
        this.members = members;
    }

    /**
     * A member as the API shows it: its directory entry (with its record identity, the field that identifies
     * its records, as a spec line), and from the directory file where its records come
     * from, how often they are harvested and whether it can upload (never its key or the key's hash).
     */
    record MemberView(String id, String nameZh, String nameEn, LibraryKind kind, Optional<String> parentId, String address,
                      Optional<Coordinates> coordinates, Optional<HoldingsMapping> holdingsMapping, Optional<LiveTarget> liveTarget,
                      String recordIdentity, Optional<Map<String, Object>> source, Optional<String> schedule,
                      boolean uploads) {}

    private MemberView view(Library l) {
        Optional<Member> member = members.member(l.id());
        return new MemberView(l.id(), l.nameZh(), l.nameEn(), l.kind(), l.parentId(), l.address(), l.coordinates(),
                l.holdingsMapping(), l.liveTarget(), l.recordIdentity().spec(), member.map(m -> describe(m.source())),
                member.flatMap(Member::schedule).map(Object::toString),
                member.map(m -> m.apiKeySha256().isPresent()).orElse(false));
    }

    static Map<String, Object> describe(MemberSource source) {
        var out = new LinkedHashMap<String, Object>();
        out.put("type", source.type());
        switch (source) {
            case MemberSource.Upload u -> { }
            case MemberSource.OaiPmh oai -> {
                out.put("baseUrl", oai.baseUrl().toString());
                out.put("metadataPrefix", oai.endpoint().metadataPrefix());
                oai.endpoint().set().ifPresent(set -> out.put("set", set));
            }
            case MemberSource.Z3950 z -> {
                out.put("host", z.target().host());
                out.put("port", z.target().port());
                out.put("database", z.target().database());
                out.put("recordSyntax", z.target().syntax().name());
                z.target().charset().ifPresent(c -> out.put("charset", c));
                out.put("harvestQuery", z.harvestQuery());
            }
        }
        return out;
    }

    void list(Context ctx) {
        ctx.json(catalog.libraries().all().stream().map(this::view).toList());
    }

    void show(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(view(catalog.libraries().get(id).orElseThrow(() -> ProblemException.notFound("no member library with id '" + id + "'"))));
    }

    /** What could not be read from the member's files, with the reason for each record. */
    void quarantine(Context ctx) {
        var paging = Paging.of(ctx, 50);
        ctx.json(catalog.quarantine().page(ctx.pathParam("id"), paging.page(), paging.size()));
    }

    /** A quarantined record's bytes exactly as sent, for the member to inspect or fix. */
    void quarantinedRecord(Context ctx) {
        String id = ctx.pathParam("id");
        long entry = ctx.pathParamAsClass("entry", Long.class).get();
        byte[] raw = catalog.quarantine().bytes(id, entry).orElseThrow(() ->
                ProblemException.notFound("library '" + id + "' has no quarantine entry " + entry));
        ctx.contentType("application/octet-stream").result(raw);
    }

    /**
     * Streams the body (ISO 2709 or MARCXML) into the catalogue; the report lists every quarantined record.
     * Only the member itself may send (its route needs {@code Need.memberOf}).
     * {@code ?mode=full}: the file is all the member holds, and its records not in the file are deleted, at
     * once when the file has been read whole; {@code ?mode=incremental} (the default) adds and updates.
     */
    void upload(Context ctx, Caller.MemberLibrary member) throws IOException {
        String id = member.libraryId();
        IngestBatch.Mode mode = switch (Optional.ofNullable(ctx.queryParam("mode")).orElse("incremental")) {
            case "incremental" -> IngestBatch.Mode.INCREMENTAL;
            case "full" -> IngestBatch.Mode.FULL_REPLACE;
            default -> throw ProblemException.invalid("mode must be 'incremental' (the default) or 'full', was '"
                    + ctx.queryParam("mode") + "'");
        };
        try (InputStream body = ctx.bodyInputStream()) {
            ctx.json(catalog.ingest().file(id, body, "upload", mode));
        }
    }

    /** A 404 for an upload to a library the catalogue does not know, before any key is looked at. */
    void mustExist(Context ctx) {
        String id = ctx.pathParam("id");
        if (catalog.libraries().get(id).isEmpty()) {
            throw new UnknownLibraryException(id);
        }
    }
}

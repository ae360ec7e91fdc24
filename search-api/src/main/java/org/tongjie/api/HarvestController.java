package org.tongjie.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongjie.api.http.ProblemException;
import org.tongjie.harvest.HarvestScheduler;
import org.tongjie.harvest.members.Member;
import org.tongjie.harvest.members.MemberDirectory;
import org.tongjie.indexer.Catalog;
import org.tongjie.indexer.UnknownLibraryException;
import org.tongjie.harvest.HarvestRun;

/** A member's harvest runs, and starting one by hand. */
final class HarvestController {
    private final Catalog catalog;
    private final MemberDirectory members;
    private final HarvestScheduler scheduler;

    HarvestController(Catalog catalog, MemberDirectory members, HarvestScheduler scheduler) {
        this.catalog = catalog;
        this.members = members;
        this.scheduler = scheduler;
    }

    /** One run as the API shows it: its counts, duration and rate. */
    record RunView(long id, String kind, String trigger, HarvestRun.Status status, Instant startedAt,
                   Optional<Instant> finishedAt, double durationSeconds, long pages, long records,
                   double recordsPerSecond, int added, int updated, int unchanged, int deleted, int quarantined,
                   Optional<String> error) {
        static RunView of(HarvestRun r) {
            return new RunView(r.id(), r.kind(), r.trigger(), r.status(), r.startedAt(), r.finishedAt(),
                    r.duration().toMillis() / 1000.0, r.pages(), r.records(), r.recordsPerSecond(), r.added(),
                    r.updated(), r.unchanged(), r.deleted(), r.quarantined(), r.error());
        }
    }

    record Harvests(String libraryId, Optional<String> source, Optional<String> schedule, Optional<Long> runningRun,
                    Optional<Instant> nextRun, List<RunView> runs) {}

    void list(Context ctx) {
        String id = ctx.pathParam("id");
        if (catalog.libraries().get(id).isEmpty()) {
            throw new UnknownLibraryException(id);
        }
        var paging = Paging.of(ctx, 20);
        List<RunView> runs = scheduler.runs(id, paging.size()).stream().map(RunView::of).toList();
        Optional<Member> member = members.member(id);
        ctx.json(new Harvests(id, member.map(m -> m.source().type()), member.flatMap(Member::schedule).map(Object::toString),
                scheduler.runningRun(id), scheduler.nextRun(id), runs));
    }

    void trigger(Context ctx) {
        String id = ctx.pathParam("id");
        if (catalog.libraries().get(id).isEmpty()) {
            throw ProblemException.notFound("no member library with id '" + id + "'");
        }
        switch (scheduler.trigger(id, "manual")) {
            case HarvestScheduler.Triggered.Started started -> {
                ctx.header("Location", "/api/libraries/" + id + "/harvests");
                ctx.status(HttpStatus.ACCEPTED).json(Map.of("runId", started.runId(), "status", "RUNNING"));
            }
            case HarvestScheduler.Triggered.AlreadyRunning already -> throw ProblemException.conflict("a harvest of '" + id
                    + "' is already running (run " + already.runId() + "); one at a time per member");
            case HarvestScheduler.Triggered.NotHarvested not -> throw ProblemException.invalid(not.reason());
        }
    }
}

package org.tongjie.ill;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reader notices from the zh and en templates: ready for pickup, recalled, overdue, due soon. */
class ReaderNoticesTest {
    @TempDir
    Path dir;

    private static final Reader READER = new Reader("320583000123456", "KS");

    @Test
    void aLoansNoticesInChineseByDefaultAndInEnglish() {
        var clock = new Networks.MovableClock(Walk.T0);
        try (IllStore store = IllStore.openSqlite(dir.resolve("ill.db"), clock)) {
            IllRequest overdue = lend(store, clock, Walk.T0.plus(Duration.ofDays(20)));
            overdue = store.apply(overdue.id(), overdue.version(), Command.recall(Walk.T0.plus(Duration.ofDays(5))), "staff:TC", "");
            clock.advance(Duration.ofMinutes(1));
            store.apply(overdue.id(), overdue.version(), Command.of(Action.MARK_OVERDUE), "system", "");
            clock.advance(Duration.ofMinutes(1));
            IllRequest dueSoon = lend(store, clock, Walk.T0.plus(Duration.ofDays(30)));
            Instant now = Walk.T0.plus(Duration.ofDays(28));

            var zh = new ReaderNotices(Language.of(null), id -> id.equals("KS-ZJ") ? "周市分馆智能书柜" : id)
                    .of(store.reports().requestsOf(READER), store::events, now);
            // once lent, the "ready for pickup" notices retire; "shipped" stays
            assertEquals(List.of(ReaderNotices.Kind.DUE_SOON, ReaderNotices.Kind.SHIPPED,
                    ReaderNotices.Kind.OVERDUE, ReaderNotices.Kind.RECALLED, ReaderNotices.Kind.SHIPPED),
                    zh.stream().map(ReaderNotices.Notice::kind).toList());
            assertEquals(dueSoon.id(), zh.getFirst().requestId());
            assertEquals("您借阅的《红楼梦》将于 2025年3月31日 10:00 到期，请按时归还或续借。", zh.getFirst().text());
            assertEquals("您预约的《红楼梦》已发往周市分馆智能书柜。", zh.get(1).text());
            assertEquals("《红楼梦》已被出借馆召回，请于 2025年3月6日 10:00 前归还。", zh.get(3).text());

            var en = new ReaderNotices(Language.EN, id -> "Zhoushi locker").of(store.reports().requestsOf(READER), store::events, now);
            assertEquals("\u201c红楼梦\u201d was due on 6 Mar 2025 10:00; please return it as soon as possible.", en.get(2).text());
            assertTrue(en.stream().allMatch(n -> n.language() == Language.EN));

            var early = new ReaderNotices(Language.EN, id -> id).of(store.reports().requestsOf(READER), store::events, Walk.T0);
            assertTrue(early.stream().noneMatch(n -> n.kind() == ReaderNotices.Kind.DUE_SOON), "not due soon a month ahead");
        }
    }

    @Test
    void aReadyNoticeShowsWhileTheItemWaitsWithTheLockerCode() {
        try (IllStore store = IllStore.openSqlite(dir.resolve("ill.db"), new Networks.MovableClock(Walk.T0))) {
            IllRequest r = Walk.driveTo(store, Track.LOAN_AT_SERVICE_POINT, RequestState.READY_FOR_PICKUP);
            var named = new ReaderNotices(Language.of(null), id -> id.equals("KS-ZJ") ? "周市分馆智能书柜" : id);
            String code = store.pickupCode(r.id()).orElseThrow();
            assertTrue(code.matches("\\d{6}"), code);
            var withCode = named.of(store.reports().requestsOf(READER), store, Walk.T0);
            assertEquals(List.of(ReaderNotices.Kind.SHIPPED, ReaderNotices.Kind.READY_IN_LOCKER),
                    withCode.stream().map(ReaderNotices.Notice::kind).sorted().toList());
            assertEquals("您预约的《红楼梦》已放入周市分馆智能书柜，格口 L-07，取书码 " + code
                    + "，请于 2025年3月4日 10:00 前取走。", text(withCode, ReaderNotices.Kind.READY_IN_LOCKER));
            var plain = named.of(store.reports().requestsOf(READER), store::events, Walk.T0);
            assertEquals("您预约的《红楼梦》已到周市分馆智能书柜，取书位 L-07，请于 2025年3月4日 10:00 前取走。",
                    text(plain, ReaderNotices.Kind.READY_FOR_PICKUP));
        }
    }

    private static String text(List<ReaderNotices.Notice> notices, ReaderNotices.Kind kind) {
        return notices.stream().filter(n -> n.kind() == kind).findFirst().orElseThrow().text();
    }

    /** A locker loan of 红楼梦 to KS's reader, due at {@code due}. */
    private static IllRequest lend(IllStore store, Networks.MovableClock clock, Instant due) {
        IllRequest r = Walk.create(store, Track.LOAN_AT_SERVICE_POINT);
        for (Command c : List.of(Command.route(1, "TC"), Command.sendToLender(Walk.T0.plusSeconds(3600)),
                Command.of(Action.WILL_SUPPLY), Command.of(Action.PICK), Command.ship("EMS", "E1"), Command.of(Action.DEPART),
                Command.shelveForPickup("L-07", Walk.T0.plus(Duration.ofDays(3))), Command.loan(due))) {
            r = store.apply(r.id(), r.version(), c, "staff", "");
            clock.advance(Duration.ofMinutes(1));
        }
        return r;
    }
}

package org.tongjie.api.auth;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a route needs of its caller, stated where the route is registered: which {@link Caller}s it
 * admits, how to say so in a refusal, and which schemes a 401's challenge offers. {@link #first} runs a
 * check before the caller is resolved (a 404 for a library that does not exist, whoever asks).
 */
public final class Need<C extends Caller> {
    private final Function<Context, String> what;
    private final List<Scheme> schemes;
    private final BiFunction<Caller, Context, Optional<C>> admit;
    private final Consumer<Context> before;

    private Need(Function<Context, String> what, List<Scheme> schemes, BiFunction<Caller, Context, Optional<C>> admit,
            Consumer<Context> before) {
        this.what = what;
        this.schemes = List.copyOf(schemes);
        this.admit = admit;
        this.before = before;
    }

    private static <C extends Caller> Need<C> of(String what, List<Scheme> schemes, BiFunction<Caller, Context, Optional<C>> admit) {
        return new Need<>(ctx -> what, schemes, admit, ctx -> {});
    }

    /** The upload key of the member library named by the path parameter; {@code what} says what that is for it. */
    public static Need<Caller.MemberLibrary> memberOf(String pathParam, Function<String, String> what) {
        return new Need<>(ctx -> what.apply(ctx.pathParam(pathParam)), List.of(Scheme.BEARER), (caller, ctx) ->
                caller instanceof Caller.MemberLibrary m && m.libraryId().equals(ctx.pathParam(pathParam))
                        ? Optional.of(m) : Optional.empty(), ctx -> {});
    }

    /**
     * The upload key of the member library named by the path parameter, or the network's: the cataloguing staff
     * key or the network administrator's key. For what acts on a member's own sources (starting its harvest) or
     * shows what it sent (its quarantined records).
     */
    public static Need<Caller> memberOrNetworkStaff(String pathParam, Function<String, String> what) {
        return new Need<>(ctx -> what.apply(ctx.pathParam(pathParam)) + ", the staff key or the network administrator's key",
                List.of(Scheme.BEARER), (caller, ctx) -> switch (caller) {
                    case Caller.MemberLibrary m when m.libraryId().equals(ctx.pathParam(pathParam)) -> Optional.of(m);
                    case Caller.CatalogueStaff s -> Optional.of(s);
                    case Caller.NetworkAdmin a -> Optional.of(a);
                    default -> Optional.<Caller>empty();
                }, ctx -> {});
    }

    /** The network's cataloguing staff key (DATA/staff.key). */
    public static Need<Caller.CatalogueStaff> catalogueStaff() {
        return of("the staff key (the data directory's staff.key) in 'Authorization: Bearer KEY'", List.of(Scheme.BEARER),
                (caller, ctx) -> caller instanceof Caller.CatalogueStaff s ? Optional.of(s) : Optional.empty());
    }

    /** Anyone the ILL service knows: a reader, a member's ILL desk, the network administrator. */
    public static Need<Caller.IllCaller> illAccount() {
        return of("an ILL account: a reader's card number and PIN (HTTP Basic), or an ILL desk or administrator key",
                List.of(Scheme.BASIC, Scheme.BEARER),
                (caller, ctx) -> caller instanceof Caller.IllCaller i ? Optional.of(i) : Optional.empty());
    }

    /** The network administrator's key. */
    public static Need<Caller.NetworkAdmin> illAdmin() {
        return of("the network administrator's ILL key", List.of(Scheme.BEARER),
                (caller, ctx) -> caller instanceof Caller.NetworkAdmin a ? Optional.of(a) : Optional.empty());
    }

    /** A reader signed in with card number and PIN: their own things. */
    public static Need<Caller.IllReader> illReader() {
        return of("a reader signed in with card number and PIN (HTTP Basic)", List.of(Scheme.BASIC),
                (caller, ctx) -> caller instanceof Caller.IllReader r ? Optional.of(r) : Optional.empty());
    }

    /** Any member's ILL desk, or the network administrator (not readers). */
    public static Need<Caller.IllCaller> illStaff() {
        return of("a member's ILL desk key or the network administrator's key", List.of(Scheme.BEARER), (caller, ctx) ->
                caller instanceof Caller.IllDesk || caller instanceof Caller.NetworkAdmin
                        ? Optional.of((Caller.IllCaller) caller) : Optional.empty());
    }

    /**
     * The ILL desk of the library named by the path parameter, or of a library that {@code actsFor} it (a
     * central library for its service points), or the network administrator.
     */
    public static Need<Caller.IllCaller> illStaffOf(String pathParam, BiPredicate<String, String> actsFor) {
        return new Need<>(ctx -> "the ILL desk key of '" + ctx.pathParam(pathParam) + "' (or of the library it belongs to)"
                + " or the network administrator's key", List.of(Scheme.BEARER), (caller, ctx) -> switch (caller) {
                    case Caller.NetworkAdmin a -> Optional.of(a);
                    case Caller.IllDesk d when actsFor.test(d.libraryId(), ctx.pathParam(pathParam)) -> Optional.of(d);
                    default -> Optional.empty();
                }, ctx -> {});
    }

    /** This need, after {@code check} (which may refuse, e.g. with a 404) has run. */
    public Need<C> first(Consumer<Context> check) {
        return new Need<>(what, schemes, admit, before.andThen(check));
    }

    /** What the caller needs to bring, in a refusal's words. */
    String what(Context ctx) {
        return what.apply(ctx);
    }

    List<Scheme> schemes() {
        return schemes;
    }

    /** The caller as this route takes it, or empty. */
    Optional<C> admit(Caller caller, Context ctx) {
        return admit.apply(caller, ctx);
    }

    void before(Context ctx) {
        before.accept(ctx);
    }
}

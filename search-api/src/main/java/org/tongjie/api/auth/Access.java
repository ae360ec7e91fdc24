package org.tongjie.api.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.tongjie.api.http.ProblemCode;
import org.tongjie.api.http.ProblemException;

/**
 * Routes say here what they need: {@code routes.post(path, access.needs(Need.illAdmin(), this::issueKey))}
 * hands the handler the admitted caller; a caller without credentials gets 401 with a challenge, one with
 * the wrong ones 403 saying what is missing. {@link #anyone} marks a public route.
 */
public final class Access {
    private final Authenticator authenticator;

    public Access(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** A handler that is given the caller its route admitted. */
    @FunctionalInterface
    public interface CallerHandler<C extends Caller> {
        void handle(Context ctx, C caller) throws Exception;
    }

    public <C extends Caller> Handler needs(Need<C> need, CallerHandler<C> handler) {
        return ctx -> {
            need.before(ctx);
            Caller caller = caller(need, ctx);
            C admitted = need.admit(caller, ctx).orElseThrow(() -> refusal(need, caller, ctx));
            handler.handle(ctx, admitted);
        };
    }

    /** A route anyone may call, without credentials. */
    public static Handler anyone(Handler handler) {
        return handler;
    }

    /**
     * HTTP Basic carries a reader's card number and PIN; Basic credentials that are not a reader's (a member
     * id and its key, say) on a route that takes an API key are answered by what the route takes, not by
     * "card number or PIN is wrong".
     */
    private Caller caller(Need<?> need, Context ctx) {
        try {
            return authenticator.caller(ctx);
        } catch (ProblemException e) {
            String authorization = ctx.header("Authorization");
            if (!need.schemes().contains(Scheme.BASIC) && authorization != null
                    && authorization.strip().regionMatches(true, 0, "basic", 0, "basic".length())) {
                String what = need.what(ctx);
                throw Authenticator.unauthenticated("this needs " + what + "; HTTP Basic credentials are a reader's card number"
                        + " and PIN, which this route does not take" + (what.contains("Bearer") ? ""
                        : ": send the key as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'"), need.schemes());
            }
            throw e;
        }
    }

    private static ProblemException refusal(Need<?> need, Caller caller, Context ctx) {
        String what = need.what(ctx);
        if (caller instanceof Caller.Anonymous) {
            return Authenticator.unauthenticated("sign in: this needs " + what, need.schemes());
        }
        return new ProblemException(ProblemCode.FORBIDDEN, "this needs " + what + "; the request came from " + caller.describe());
    }
}

package org.tongjie.api.auth;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tongjie.api.http.ProblemCode;
import org.tongjie.api.http.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a request becomes a {@link Caller}. Credentials come as {@code Authorization: Bearer KEY},
 * {@code X-Api-Key: KEY} (either scheme and header name in any case) or {@code Authorization: Basic} with
 * a reader's card number and PIN; each is asked of the {@link CredentialCheck}s in order. No credentials:
 * {@link Caller.Anonymous}. Credentials nobody knows, or that cannot be read: 401, never anonymous.
 */
public final class Authenticator {
    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String ATTRIBUTE = Authenticator.class.getName();

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final List<CredentialCheck> checks;
    private final SignInThrottle throttle;

    public Authenticator(List<CredentialCheck> checks) {
        this(checks, Clock.systemUTC());
    }

    /** With the clock the per-address sign-in limit ({@link SignInThrottle}) follows. */
    public Authenticator(List<CredentialCheck> checks, Clock clock) {
        this.checks = List.copyOf(checks);
        this.throttle = new SignInThrottle(clock);
    }

    /** The caller, resolved once per request. */
    public Caller caller(Context ctx) {
        Caller known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        Caller caller = resolve(ctx.header(API_KEY_HEADER), ctx.header("Authorization"), ctx.ip());
        ctx.attribute(ATTRIBUTE, caller);
        return caller;
    }

    private Caller resolve(String apiKey, String authorization, String address) {
        if (apiKey != null) {
            return byKey(apiKey.strip(), API_KEY_HEADER);
        }
        if (authorization == null || authorization.isBlank()) {
            return new Caller.Anonymous();
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        String credentials = parts.length == 2 ? parts[1].strip() : "";
        return switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "bearer" -> byKey(credentials, "the Bearer token");
            case "basic" -> byCardAndPin(credentials, address);
            default -> throw unauthenticated("the Authorization scheme '" + parts[0] + "' is not taken here; send "
                    + "'Bearer KEY', 'X-Api-Key: KEY' or a reader's 'Basic' card number and PIN", List.of(Scheme.values()));
        };
    }

    private Caller byKey(String key, String where) {
        if (key.isEmpty()) {
            throw unauthenticated(where + " is empty", List.of(Scheme.BEARER));
        }
        return first(c -> c.byKey(key)).orElseThrow(() -> unauthenticated("unknown API key: the key in " + where
                + " is not one the hub has issued (a member's upload key, the staff key, an ILL key)", List.of(Scheme.BEARER)));
    }

    private Caller byCardAndPin(String encoded, String address) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthenticated("the Basic credentials are not base64 of 'card number:PIN'", List.of(Scheme.BASIC));
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw unauthenticated("the Basic credentials are not 'card number:PIN'", List.of(Scheme.BASIC));
        }
        String card = decoded.substring(0, colon);
        String pin = decoded.substring(colon + 1);
        if (!throttle.waitFor(address).isZero()) {
            throw logged(address, ProblemException.tooManyRequests("too many failed sign-ins from this address",
                    throttle.failed(address)));
        }
        Optional<Caller> caller;
        try {
            caller = first(c -> c.byCardAndPin(card, pin));
        } catch (ProblemException refused) { // the card waits or is locked
            throttle.failed(address);
            throw logged(address, refused);
        }
        if (caller.isEmpty()) {
            throttle.failed(address);
            throw logged(address, unauthenticated("card number or PIN is wrong", List.of(Scheme.BASIC)));
        }
        return caller.get();
    }

    /** A refused reader sign-in, logged with the address it came from (the card is logged by its keeper; never the PIN). */
    private static ProblemException logged(String address, ProblemException answer) {
        LOG.warn("reader sign-in refused from {}: {}", address, answer.getMessage());
        return answer;
    }


    private Optional<Caller> first(Function<CredentialCheck, Optional<Caller>> ask) {
        return checks.stream().map(ask).flatMap(Optional::stream).findFirst();
    }

    /** A 401 whose challenge names the schemes that would do. */
    static ProblemException unauthenticated(String detail, List<Scheme> schemes) {
        String challenge = String.join(", ", schemes.stream().map(s -> s.challenge).toList());
        return new ProblemException(ProblemCode.UNAUTHENTICATED, detail, Map.of("WWW-Authenticate", challenge));
    }
}

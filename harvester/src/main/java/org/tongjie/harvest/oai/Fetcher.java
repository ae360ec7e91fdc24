package org.tongjie.harvest.oai;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends one OAI-PMH request and parses the answer, retrying what may pass: I/O errors, timeouts, HTTP 5xx,
 * and 503/429 after the provider's {@code Retry-After}. A body cut off mid-read is retried whole, which is
 * safe because nothing of it has reached the sink yet.
 */
final class Fetcher {
    private sealed interface Outcome<T> {}

    private record Done<T>(T value) implements Outcome<T> {}

    private record Retry<T>(Duration delay, String problem, Optional<Throwable> cause) implements Outcome<T> {}

    private final HttpClient http;
    private final OaiClientSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    Fetcher(HttpClient http, OaiClientSettings settings, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    <T> T fetch(URI url, ResponseReader.Parser<T> parser) {
        for (int attempt = 1; ; attempt++) {
            Outcome<T> outcome = attempt(url, parser, attempt);
            if (outcome instanceof Done<T> done) {
                return done.value();
            }
            var retry = (Retry<T>) outcome;
            if (attempt > settings.maxRetries()) {
                throw new OaiTransportException(url, attempt, retry.problem() + ". " + advice(),
                        retry.cause().orElse(null));
            }
            pause(url, attempt, retry.delay());
        }
    }

    private <T> Outcome<T> attempt(URI url, ResponseReader.Parser<T> parser, int attempt) {
        try {
            HttpResponse<InputStream> response = http.send(request(url), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return answer(url, response, body, parser, attempt);
            }
        } catch (HttpConnectTimeoutException e) {
            return backoff(attempt, "could not connect within " + settings.connectTimeout(), e);
        } catch (HttpTimeoutException e) {
            return backoff(attempt, "no response within the request timeout of " + settings.requestTimeout(), e);
        } catch (ConnectException e) {
            return backoff(attempt, "cannot connect (" + rootMessage(e) + ")", e);
        } catch (IOException e) {
            return backoff(attempt, "I/O error (" + rootMessage(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OaiTransportException(url, attempt, "interrupted while waiting for the response", e);
        }
    }

    private <T> Outcome<T> answer(URI url, HttpResponse<InputStream> response, InputStream body,
            ResponseReader.Parser<T> parser, int attempt) throws IOException {
        int status = response.statusCode();
        if (status == 200) {
            return new Done<>(parser.parse(url, body));
        }
        String problem = "the provider answered HTTP " + status;
        if (status == 503 || status == 429) {
            Optional<Duration> asked = response.headers().firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, clock));
            if (asked.isPresent()) {
                return retryAfter(url, attempt, problem, asked.get());
            }
        }
        if (status >= 500) {
            return backoff(attempt, problem, null);
        }
        throw new OaiTransportException(url, attempt, problem
                + ", which retrying will not change. Check the member's OAI-PMH base URL.", null);
    }

    private <T> Outcome<T> retryAfter(URI url, int attempt, String problem, Duration asked) {
        if (asked.compareTo(settings.maxRetryAfter()) > 0) {
            throw new OaiTransportException(url, attempt, problem + " and asks to come back in " + asked
                    + ", longer than the " + settings.maxRetryAfter() + " a run waits. Run the harvest again later.", null);
        }
        return new Retry<>(asked, problem + " (Retry-After " + asked + ")", Optional.empty());
    }

    private <T> Outcome<T> backoff(int attempt, String problem, Throwable cause) {
        return new Retry<>(settings.backoff(attempt), problem, Optional.ofNullable(cause));
    }

    private void pause(URI url, int attempt, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OaiTransportException(url, attempt, "interrupted while waiting " + wait + " to retry", e);
        }
    }

    private HttpRequest request(URI url) {
        return HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Accept", "text/xml, application/xml;q=0.9, */*;q=0.1")
                .header("User-Agent", "Tongjie-harvester (OAI-PMH)")
                .GET()
                .build();
    }

    private static String advice() {
        return "Check that the provider is up and that the member's OAI-PMH base URL is right; "
                + "the harvest can resume from its last checkpoint";
    }

    /** The JDK's HTTP client often wraps the useful message (e.g. "Connection refused") in causes. */
    private static String rootMessage(Throwable e) {
        String message = e.toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }
}

package org.tongjie.ill;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs a member's event to its webhook, signed: {@code X-Tongjie-Signature: sha256=<hex HMAC-SHA256 of the
 * body under the webhook's secret>}, and {@code X-Tongjie-Delivery} the outbox id (the same on a retry, so the
 * receiver can drop a repeat). Any 2xx answer is a delivery; redirects are not followed (the HttpClient's default),
 * so an allowed host cannot send the hub on to a private one.
 */
public final class WebhookTransport implements Transport {
    public static final String CHANNEL = "webhook";
    private final Webhooks webhooks;
    private final WebhookTargets targets;
    private final Duration timeout;
    private final HttpClient http;

    /** Posts only to hosts {@code targets} allows, checked again at each delivery (a name can be re-pointed). */
    public WebhookTransport(Webhooks webhooks, WebhookTargets targets, Duration timeout) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String deliver(OutboxEntry entry) throws Exception {
        Webhook hook = webhooks.find(Long.parseLong(entry.message().target())).orElseThrow(() ->
                new IllegalStateException("webhook " + entry.message().target() + " is no longer registered"));
        targets.check(hook.url());
        byte[] body = entry.message().payload().getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(hook.url()).timeout(timeout)
                .header("Content-Type", entry.message().contentType())
                .header("X-Tongjie-Signature", "sha256=" + sign(hook.secret(), body))
                .header("X-Tongjie-Delivery", Long.toString(entry.id()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new IllegalStateException(hook.url() + " answered HTTP " + status);
        }
        return "HTTP " + status;
    }

    /** The hex HMAC-SHA256 of {@code body} under {@code secret}, as a receiver recomputes it. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}

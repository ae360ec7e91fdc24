package org.tongjie.api.ill;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tongjie.ill.iso18626.Iso18626;
import org.tongjie.ill.iso18626.Iso18626Reader;
import org.tongjie.ill.iso18626.Iso18626Schema;
import org.tongjie.ill.iso18626.Iso18626Writer;
import org.tongjie.testing.SharedData;

/**
 * An external ILL system's callback endpoint (the ISO 18626 peer we do not have), on a JDK HttpServer at a
 * random port: it validates what the hub posts against the schema, keeps it, and confirms it. While
 * {@link #down} it answers 503, like a peer being restarted. It builds its own messages from crosslink's
 * real ones, rewritten with its agency id, request id and secret.
 */
final class FakeAgency implements AutoCloseable {
    static final Iso18626Reader READER = new Iso18626Reader(Iso18626Schema.fromClasspath());
    static final String TYPE = "ISIL";
    static final String VALUE = "DE-B1";
    static final String ACCOUNT = "de-b1";
    static final String SECRET = "shared-secret-of-the-berlin-network";

    private final HttpServer server;
    final BlockingQueue<Iso18626.SupplyingAgencyMessage> received = new LinkedBlockingQueue<>();
    final BlockingQueue<String> refusedByUs = new LinkedBlockingQueue<>();
    volatile boolean down;
    /** Takes the message but answers 200 with a body that is no confirmation, as a broken peer does. */
    volatile boolean garbles;

    FakeAgency() throws IOException {
        this(0);
    }

    /** On {@code port} (0 for any), so that a restarted agency can come back where the hub expects it. */
    FakeAgency(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/iso18626", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            byte[] answer;
            if (garbles) {
                if (READER.read(body) instanceof Iso18626Reader.Parsed.Accepted a
                        && a.message() instanceof Iso18626.SupplyingAgencyMessage m) {
                    received.add(m);
                }
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write("<ok/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                exchange.close();
                return;
            }
            switch (READER.read(body)) {
                case Iso18626Reader.Parsed.Accepted a when a.message() instanceof Iso18626.SupplyingAgencyMessage m -> {
                    received.add(m);
                    answer = Iso18626Writer.write(Iso18626.Confirmation.ok(m, Instant.now()));
                }
                case Iso18626Reader.Parsed.Accepted a -> {
                    refusedByUs.add("not a supplyingAgencyMessage: " + a.message());
                    answer = Iso18626Writer.write(Iso18626.Confirmation.error(a.message(), Instant.now(),
                            Iso18626.ErrorType.UnsupportedReasonForMessageType, "we only take supplyingAgencyMessages"));
                }
                case Iso18626Reader.Parsed.Refused r -> {
                    refusedByUs.add(r.error().type() + " " + r.error().value());
                    answer = Iso18626Writer.write(Iso18626.Confirmation.error(r.kind(), r.echo(), Instant.now(),
                            r.error().type(), r.error().value()));
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI callback() {
        return URI.create("http://127.0.0.1:" + port() + "/iso18626");
    }

    /** The registration the administrator posts to /api/ill/agencies. */
    java.util.Map<String, String> registration() {
        return java.util.Map.of("agencyIdType", TYPE, "agencyIdValue", VALUE, "name", "Berliner Verbund",
                "callbackUrl", callback().toString(), "accountId", ACCOUNT, "securityCode", SECRET,
                "deliveryAddress", "Unter den Linden 8, 10117 Berlin");
    }

    /** The next status report the hub sent, waiting for it. */
    Iso18626.SupplyingAgencyMessage next() throws InterruptedException {
        var m = received.poll(20, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no supplyingAgencyMessage arrived within 20 s; refused: " + refusedByUs);
        }
        return m;
    }

    /** crosslink's request-loaned.xml, sent by this agency to the hub for {@code recordId}, as {@code requestId}. */
    static String request(String recordId, String requestId) throws IOException {
        String xml = Files.readString(SharedData.file("iso18626-crosslink/broker/test/testdata/request-loaned.xml"));
        return signed(xml.replace("<agencyIdValue>BROKER</agencyIdValue>", "<agencyIdValue>CN-TONGJIE</agencyIdValue>")
                .replace("<agencyIdValue>REQ</agencyIdValue>", "<agencyIdValue>" + VALUE + "</agencyIdValue>")
                .replace("5636c993-c41c-48f4-a285-470545f6f343", requestId)
                .replace("<supplierUniqueRecordId>LOANED</supplierUniqueRecordId>",
                        "<supplierUniqueRecordId>" + recordId + "</supplierUniqueRecordId>"), SECRET);
    }

    /** crosslink's reqmsg-ok.xml (a Cancel), as this agency's {@code action} on {@code requestId}. */
    static String action(String requestId, String action) throws IOException {
        String xml = Files.readString(SharedData.file("iso18626-crosslink/broker/test/testdata/reqmsg-ok.xml"));
        return signed(xml.replace("<agencyIdValue>SLNP_TWO_A</agencyIdValue>", "<agencyIdValue>CN-TONGJIE</agencyIdValue>")
                .replace("<agencyIdValue>SLNP_ONE</agencyIdValue>", "<agencyIdValue>" + VALUE + "</agencyIdValue>")
                .replace("<requestingAgencyRequestId>reqid</requestingAgencyRequestId>",
                        "<requestingAgencyRequestId>" + requestId + "</requestingAgencyRequestId>")
                .replace("<action>Cancel</action>", "<action>" + action + "</action>"), SECRET);
    }

    /** The message with requestingAgencyAuthentication at the end of its header, as the schema orders it. */
    static String signed(String xml, String secret) {
        return xml.replaceFirst("(\\s*)</header>", "$1    <requestingAgencyAuthentication><accountId>" + ACCOUNT
                + "</accountId><securityCode>" + secret + "</securityCode></requestingAgencyAuthentication>$1</header>");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

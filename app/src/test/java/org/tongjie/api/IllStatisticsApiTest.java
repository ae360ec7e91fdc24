package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /api/ill/me and GET /api/ill/statistics over the demo network: a reader's requests, and one loan of
 * a literature title (CLC I) counted by class, in the day's fill rate and in the turnaround.
 */
class IllStatisticsApiTest {
    @Test
    void aLoanOfALiteratureTitleShowsInEveryStatisticAndInTheReadersRequests(@TempDir Path dir) throws Exception {
        var demo = new DemoHub(dir);
        try (var hub = demo.hub) {
            String santi = demo.recordId("三体");
            String unclassified = demo.recordId("computer");
            String barcode = java.util.stream.StreamSupport.stream(demo.hub.get("/api/records/" + santi).json().get("holdings").spliterator(), false)
                    .filter(h -> h.get("libraryId").asText().equals("central") && h.get("status").asText().equals("AVAILABLE"))
                    .findFirst().orElseThrow().get("barcode").asText();
            JsonNode loaned = demo.asReader("POST", "/api/ill/requests", Map.of("recordId", santi,
                    "pickup", Map.of("libraryId", "central", "kind", "BRANCH"), "holding", Map.of("libraryId", "central", "barcode", barcode)));
            for (var step : new Object[][] {{"WILL_SUPPLY"}, {"PICK"}, {"SHIP", "courier", "EMS", "waybill", "E1"}, {"DEPART"},
                    {"SHELVE_FOR_PICKUP", "slot", "A-1"}, {"LOAN"}}) {
                var body = new java.util.HashMap<String, Object>(Map.of("action", step[0], "version", loaned.get("version").asLong()));
                for (int i = 1; i < step.length; i += 2) {
                    body.put((String) step[i], step[i + 1]);
                }
                loaned = demo.asAdmin("POST", "/api/ill/requests/" + loaned.get("id").asLong() + "/actions", body);
            }
            assertEquals("ON_LOAN", loaned.get("state").asText());
            JsonNode cancelled = demo.asReader("POST", "/api/ill/requests", Map.of("recordId", unclassified,
                    "pickup", Map.of("libraryId", "central", "kind", "BRANCH")));
            demo.asReader("POST", "/api/ill/requests/" + cancelled.get("id").asLong() + "/actions",
                    Map.of("action", "CANCEL", "version", cancelled.get("version").asLong()));

            JsonNode stats = demo.asAdmin("GET", "/api/ill/statistics", null);
            JsonNode me = demo.asReader("GET", "/api/ill/me", null);

            assertEquals("[{\"clcClass\":\"I\",\"loans\":1}]", stats.get("loansByClass").toString());
            JsonNode today = stats.at("/fillRate/0");
            assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), today.get("period").asText());
            assertEquals(2, today.get("requests").asInt());
            assertEquals(1, today.get("filled").asInt());
            assertEquals(1, today.get("notFilled").asInt());
            assertEquals(0.5, today.get("rate").asDouble());
            assertEquals(1, stats.at("/turnaround/requests").asInt());
            assertEquals(1, stats.at("/turnaround/buckets/0/requests").asInt(), "lent within a day");
            assertEquals(LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7),
                    demo.asAdmin("GET", "/api/ill/statistics?period=month", null).at("/fillRate/0/period").asText());

            assertEquals("****3456", me.get("card").asText());
            assertEquals(DemoHub.READER_LIBRARY, me.get("homeLibraryId").asText());
            assertEquals(java.util.List.of(cancelled.get("id").asLong(), loaned.get("id").asLong()),
                    me.get("requests").findValues("id").stream().map(JsonNode::asLong).toList());

            assertEquals(1, stats.get("byLender").findValues("libraryId").stream().filter(l -> l.asText().equals("central"))
                    .count(), stats.get("byLender").toString());
            JsonNode borrower = stats.at("/byBorrower/0");
            assertEquals(DemoHub.READER_LIBRARY + " 2 1", borrower.get("libraryId").asText() + " "
                    + borrower.get("requests").asInt() + " " + borrower.get("filled").asInt());
            assertEquals(java.util.Set.of(santi, unclassified), java.util.Set.copyOf(
                    stats.get("topTitles").findValues("unionRecordId").stream().map(JsonNode::asText).toList()));

            var csv = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            hub.uri("/api/ill/statistics/export?table=borrowers")).header("X-Api-Key", demo.adminKey).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, csv.statusCode(), csv.body());
            assertEquals("libraryId,requests,filled\n" + DemoHub.READER_LIBRARY + ",2,1\n", csv.body());
            assertEquals("text/csv; charset=UTF-8", csv.headers().firstValue("Content-Type").orElseThrow());

            JsonNode doc = hub.get("/openapi.json").json();
            OpenApiTest.assertDeclared(doc, "IllStatistics", stats);
            OpenApiTest.assertDeclared(doc, "IllStatistics/properties/turnaround", stats.get("turnaround"));
            OpenApiTest.assertDeclared(doc, "IllStatistics/properties/fillRate/items", today);
            OpenApiTest.assertDeclared(doc, "IllMe", me);
            OpenApiTest.assertDeclared(doc, "IllStatistics/properties/byLender/items", stats.at("/byLender/0"));
            OpenApiTest.assertDeclared(doc, "IllStatistics/properties/byBorrower/items", borrower);
            OpenApiTest.assertDeclared(doc, "IllStatistics/properties/topTitles/items", stats.at("/topTitles/0"));
        }
    }
}

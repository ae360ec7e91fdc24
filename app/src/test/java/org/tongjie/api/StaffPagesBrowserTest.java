package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The ILL staff desk in a real browser over the demo network, signed in as the central library: queues
 * with counts, one action on many requests, a request's rota and timeline, the pick list for print, and
 * the statistics charts. Requests are placed by the reader through the API, for central's own copies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPagesBrowserTest {
    static final String LENDER = "central";
    DemoHub demo;
    Browser browser;
    String key;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path profile) {
        browser = new Browser(profile);
        demo = new DemoHub(dataDir);
        key = demo.staffKey(LENDER);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (demo != null) {
            demo.hub.close();
        }
    }

    @BeforeEach
    void signedInAtTheCentralLibrary() {
        browser.size(Browser.DESKTOP);
        browser.open(demo.hub.uri("/health"));
        browser.script("localStorage.clear(); sessionStorage.setItem('tongjie.staff', JSON.stringify({library: arguments[0], key: arguments[1]}))",
                LENDER, key);
    }

    /** Requests for {@code n} of central's available copies, each asked for that very copy, picked up at the Lujia branch. */
    private List<JsonNode> requests(int n, int skip) throws Exception {
        var out = new java.util.ArrayList<JsonNode>();
        for (String[] copy : demo.availableCopiesAt(LENDER, skip + n).subList(skip, skip + n)) {
            out.add(demo.asReader("POST", "/api/ill/requests", Map.of("recordId", copy[0],
                    "pickup", Map.of("libraryId", "branch-lujia", "kind", "BRANCH"),
                    "holding", Map.of("libraryId", LENDER, "barcode", copy[1]))));
        }
        return out;
    }

    private int queueSize(String queue) throws Exception {
        return demo.ill("GET", "/api/ill/libraries/" + LENDER + "/queues/" + queue, "X-Api-Key", key, null).size();
    }

    @Test
    void staffSignInSeeQueueCountsAndSupplySeveralRequestsAtOnce() throws Exception {
        browser.script("sessionStorage.clear()");
        browser.open(demo.hub.uri("/staff.html"));
        new Select(browser.find("#library")).selectByValue(LENDER);
        browser.find("#key").sendKeys("tj_not-our-key", Keys.ENTER);
        browser.awaitText("#signin [role=status]", "卡号、密码或密钥不正确"); // the zh page says it in Chinese
        browser.find("#key").clear();
        browser.find("#key").sendKeys(key, Keys.ENTER);
        browser.find("#tab-to-fill");
        var placed = requests(2, 0);
        browser.open(demo.hub.uri("/staff.html#/queue/to-fill"));

        int toFill = queueSize("to-fill");
        int toShip = queueSize("to-ship");
        browser.awaitEquals("#tab-to-fill .count-pill", String.valueOf(toFill));
        browser.awaitEquals("#tab-to-ship .count-pill", String.valueOf(toShip));
        for (JsonNode r : placed) {
            browser.find("#pick-" + r.get("id").asLong()).click();
        }
        browser.screenshot("staff-queue-desktop", Browser.DESKTOP);
        assertEquals(List.of(), browser.accessibilityProblems());
        new Select(browser.find("#bulk-action")).selectByValue("WILL_SUPPLY");
        browser.find("#bulk-apply").click();

        var outcomes = browser.await("two outcomes", d -> {
            var items = d.findElements(By.cssSelector("#outcomes li"));
            return items.size() == 2 ? items : null;
        });
        assertTrue(outcomes.stream().allMatch(o -> o.getText().endsWith("借出馆同意提供")), outcomes.getFirst().getText());
        assertEquals(toShip + 2, queueSize("to-ship"));
        browser.awaitEquals("#tab-to-ship .count-pill", String.valueOf(toShip + 2));
        for (JsonNode r : placed) {
            assertEquals("WILL_SUPPLY", demo.asAdmin("GET", "/api/ill/requests/" + r.get("id").asLong(), null).get("state").asText());
        }
        browser.screenshot("staff-queue-phone", Browser.PHONE);
        assertEquals(0, browser.overflowOnPhone(), "fits a phone's width");
    }

    @Test
    void aRequestShowsItsRotaAndTimelineAndTakesTheNextStep() throws Exception {
        long id = requests(1, 2).getFirst().get("id").asLong();
        browser.open(demo.hub.uri("/staff.html#/request/" + id));
        browser.awaitText("#request-title", "#" + id);
        assertEquals(LENDER, demo.asAdmin("GET", "/api/ill/requests/" + id, null).at("/rota/0/libraryId").asText());
        assertTrue(browser.find("#rota tbody tr").getText().contains("通借市图书馆总馆"), browser.find("#rota").getText());
        assertEquals(2, browser.findAll("#timeline li").size());

        new Select(browser.find("#one-action")).selectByValue("WILL_SUPPLY");
        browser.find("#do-action").click();
        browser.awaitText("#action-status", "完成：借出馆同意提供");
        assertEquals(3, browser.findAll("#timeline li").size());
        assertTrue(browser.findAll("#timeline li").getLast().getText().contains("staff:central:desk"));
        browser.screenshot("staff-request-desktop", Browser.DESKTOP);
        assertEquals(List.of(), browser.accessibilityProblems());
    }

    @Test
    void thePickListIsInShelfOrderAndPrintsWithoutTheDesksControls() throws Exception {
        for (JsonNode r : requests(2, 3)) {
            demo.asAdmin("POST", "/api/ill/requests/" + r.get("id").asLong() + "/actions",
                    Map.of("action", "WILL_SUPPLY", "version", r.get("version").asLong()));
        }
        JsonNode lines = demo.ill("GET", "/api/ill/libraries/" + LENDER + "/pick-list", "X-Api-Key", key, null);
        browser.open(demo.hub.uri("/staff.html#/pick-list"));
        var rows = browser.await("the pick list", d -> {
            var found = d.findElements(By.cssSelector("#pick-list tbody tr"));
            return found.size() == lines.size() ? found : null;
        });
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(rows.get(i).getText().endsWith("#" + lines.get(i).get("requestId").asLong()), rows.get(i).getText());
        }
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertFalse(browser.find(".tabs").isDisplayed(), "the tabs are not printed");
            assertTrue(browser.find("#pick-list").isDisplayed());
            browser.screenshot("staff-pick-list-print", Browser.DESKTOP);
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void statisticsAreDrawnAsChartsWithTheirNumbers() throws Exception {
        JsonNode r = requests(1, 5).getFirst();
        for (var step : new Object[][] {{"WILL_SUPPLY"}, {"PICK"}, {"SHIP", "courier", "EMS", "waybill", "E1"}, {"DEPART"},
                {"SHELVE_FOR_PICKUP", "slot", "A-1"}, {"LOAN"}}) {
            var body = new java.util.HashMap<String, Object>(Map.of("action", step[0], "version", r.get("version").asLong()));
            for (int i = 1; i < step.length; i += 2) {
                body.put((String) step[i], step[i + 1]);
            }
            r = demo.asAdmin("POST", "/api/ill/requests/" + r.get("id").asLong() + "/actions", body);
        }
        JsonNode stats = demo.ill("GET", "/api/ill/statistics", "X-Api-Key", key, null);
        browser.open(demo.hub.uri("/staff.html#/statistics"));
        browser.find("#table-byClass");

        for (String chart : List.of("byClass", "fillRate", "turnaround")) {
            Object drawn = browser.script("const c = Chart.getChart(arguments[0]); return c ? c.data.datasets[0].data.length : -1", chart);
            assertTrue(((Number) drawn).intValue() > 0, chart + " is drawn with data");
        }
        Object loans = browser.script("return Chart.getChart('byClass').data.datasets[0].data.reduce((a, b) => a + b, 0)");
        int expected = 0;
        for (JsonNode c : stats.get("loansByClass")) {
            expected += c.get("loans").asInt();
        }
        assertEquals(expected, ((Number) loans).intValue());
        assertTrue(expected >= 1);
        assertEquals(stats.get("fillRate").size(), browser.findAll("#table-fillRate tbody tr").size());
        assertEquals(stats.at("/turnaround/buckets").size(), browser.findAll("#table-turnaround tbody tr").size());
        browser.screenshot("staff-statistics-desktop", Browser.DESKTOP);
        browser.screenshot("staff-statistics-phone", Browser.PHONE);
        assertEquals(0, browser.overflowOnPhone(), "fits a phone's width");
        assertEquals(List.of(), browser.accessibilityProblems());
    }
}

package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tongjie.catalog.Library;

/**
 * The reader's pages in a real browser over the demo network: search with pinyin suggestions and facets,
 * a record's holdings nearest first, a request for smart-locker pickup and its timeline, and English.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderPagesBrowserTest {
    DemoHub demo;
    Browser browser;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path profile) {
        browser = new Browser(profile);
        demo = new DemoHub(dataDir);
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

    /** Each test starts in Chinese, signed out, measuring distances from the reader's branch. */
    @BeforeEach
    void freshTab() {
        browser.size(Browser.DESKTOP);
        browser.open(demo.hub.uri("/health")); // same origin, no script: the tests' pages then load afresh
        browser.script("localStorage.clear(); sessionStorage.clear(); localStorage.setItem('tongjie.home', arguments[0]);",
                DemoHub.READER_LIBRARY);
    }

    @Test
    void aReaderTypesPinyinPicksASuggestionAndNarrowsByALibrary() throws Exception {
        browser.open(demo.hub.uri("/"));
        WebElement box = browser.find("#q");
        box.sendKeys("santi");
        browser.awaitText("#suggestions li", "三体");
        assertEquals("true", box.getAttribute("aria-expanded"));
        box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);

        browser.awaitText("#total", "共 3 条结果");
        var hits = browser.findAll("#hits > li");
        assertEquals(3, hits.size());
        assertTrue(hits.getFirst().getText().contains("刘慈欣"), hits.getFirst().getText());
        assertTrue(hits.stream().anyMatch(h -> h.getText().contains("三体 Ⅱ 黑暗森林")), "volumes are told apart");
        assertTrue(browser.find("#hits > li .badge.on").getText().contains("在架"), "availability badges per library");
        browser.screenshot("reader-search-desktop", Browser.DESKTOP);
        browser.screenshot("reader-search-phone", Browser.PHONE);
        assertEquals(0, browser.overflowOnPhone(), "fits a phone's width");
        assertEquals(List.of(), browser.accessibilityProblems());

        if (!browser.find("input[data-facet='library:kiosk-station']").isDisplayed()) {
            browser.find("#more-library").click(); // a network of 29 members: past the first eight libraries
        }
        browser.find("input[data-facet='library:kiosk-station']").click();
        browser.awaitText("#total", "共 1 条结果");
        String expected = demo.hub.get("/api/search?q=三体&facet=library:kiosk-station").json().at("/hits/0/title").asText();
        assertTrue(browser.find("#hits > li").getText().startsWith(expected), browser.find("#hits > li").getText());
        assertTrue(browser.find("input[data-facet='library:kiosk-station']").isSelected());
    }

    @Test
    void aRecordListsItsHoldingsByLibraryNearestFirstWithOnShelfCounts() throws Exception {
        String id = demo.recordId("三体");
        JsonNode holdings = demo.hub.get("/api/records/" + id).json().get("holdings");
        browser.open(demo.hub.uri("/#/record/" + id));
        browser.awaitText("h1", "三体");

        var sections = browser.findAll("#holdings .library");
        List<String> shown = sections.stream().map(s -> s.getAttribute("data-library")).toList();
        assertEquals(nearestFirst(holdings), shown);
        for (WebElement section : sections) {
            String library = section.getAttribute("data-library");
            long copies = StreamSupport.stream(holdings.spliterator(), false)
                    .filter(h -> h.get("libraryId").asText().equals(library)).count();
            long onShelf = StreamSupport.stream(holdings.spliterator(), false)
                    .filter(h -> h.get("libraryId").asText().equals(library) && h.get("status").asText().equals("AVAILABLE")).count();
            assertEquals("在架 " + onShelf + " / 共 " + copies + " 册", section.findElement(org.openqa.selenium.By.cssSelector(".badge.on, .badge.off")).getText());
        }
        browser.screenshot("reader-record-desktop", Browser.DESKTOP);
        browser.screenshot("reader-record-phone", Browser.PHONE);
        assertEquals(0, browser.overflowOnPhone(), "fits a phone's width");
        assertEquals(List.of(), browser.accessibilityProblems());
    }

    @Test
    void aReaderSignsInRequestsALockerPickupAndFollowsTheTimeline() throws Exception {
        String id = demo.recordId("三体");
        browser.open(demo.hub.uri("/#/record/" + id));
        browser.find("#card").sendKeys(DemoHub.CARD);
        browser.find("#pin").sendKeys("0000", Keys.ENTER);
        browser.awaitText("#signin [role=status]", "卡号、密码或密钥不正确"); // the zh page says it in Chinese
        browser.find("#pin").clear();
        browser.find("#pin").sendKeys(DemoHub.PIN, Keys.ENTER);

        browser.find("input[name=pickupKind][value=SMART_LOCKER]").click();
        new Select(browser.find("#pickup-library")).selectByValue("locker-huaqiao");
        browser.screenshot("reader-request-form-phone", Browser.PHONE);
        assertEquals(List.of(), browser.accessibilityProblems());
        browser.find("#request-form button[type=submit]").click();
        String placed = browser.awaitText("#request-status", "已提交申请").getText();
        long requestId = Long.parseLong(placed.replaceAll("^已提交申请 #(\\d+).*$", "$1").strip());

        JsonNode request = demo.asAdmin("GET", "/api/ill/requests/" + requestId, null);
        assertEquals("SMART_LOCKER", request.at("/pickup/kind").asText());
        assertEquals("locker-huaqiao", request.at("/pickup/libraryId").asText());
        assertEquals(id, request.at("/citation/recordId").asText());

        browser.find("#request-status a").click();
        WebElement mine = browser.awaitText("#my-requests li[data-request='" + requestId + "']", "待借出馆处理");
        var steps = mine.findElements(org.openqa.selenium.By.cssSelector(".timeline li"));
        assertEquals(request.get("timeline").size(), steps.size());
        assertTrue(steps.getFirst().getText().contains("分配借出馆"), steps.getFirst().getText());
        assertTrue(mine.getText().contains("智能书柜 · 花桥智能书柜"), mine.getText());
        browser.screenshot("reader-my-requests-desktop", Browser.DESKTOP);
        browser.screenshot("reader-my-requests-phone", Browser.PHONE);
        assertEquals(List.of(), browser.accessibilityProblems());
    }

    @Test
    void englishIsOneClickAwayWithEnglishDatesAndNumbers() throws Exception {
        long requestId = demo.asReader("POST", "/api/ill/requests", Map.of("recordId", demo.recordId("平凡的世界"),
                "pickup", Map.of("libraryId", "central", "kind", "BRANCH"))).get("id").asLong();
        browser.open(demo.hub.uri("/#/search?q=三体"));
        browser.awaitText("#total", "共 3 条结果");
        browser.find("#lang").click();
        browser.awaitText("#total", "3 results");
        assertEquals("en-GB", browser.script("return document.documentElement.lang"));
        assertEquals("Search", browser.find("#search button").getText());
        assertEquals("中文", browser.find("#lang").getText());

        browser.script("sessionStorage.setItem('tongjie.reader', JSON.stringify({auth: arguments[0], card: '****3456', home: arguments[1]}))",
                DemoHub.readerAuthorization(), DemoHub.READER_LIBRARY);
        browser.open(demo.hub.uri("/#/requests"));
        WebElement time = browser.find("#my-requests li[data-request='" + requestId + "'] .timeline time");
        String at = demo.asReader("GET", "/api/ill/requests/" + requestId, null).at("/timeline/0/at").asText();
        var expected = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)
                .format(java.time.Instant.parse(at).atZone(java.time.ZoneId.systemDefault()));
        assertTrue(time.getText().startsWith(expected), "en-GB date " + expected + ", shown: " + time.getText());
        assertTrue(browser.find("#my-requests").getText().contains("With the lender"));
    }

    /** The libraries holding copies, nearest to the reader's branch first (great-circle distance). */
    private List<String> nearestFirst(JsonNode holdings) {
        Map<String, Library> libraries = demo.hub.catalog.libraries().all().stream()
                .collect(java.util.stream.Collectors.toMap(Library::id, l -> l));
        Library from = libraries.get(DemoHub.READER_LIBRARY);
        return StreamSupport.stream(holdings.spliterator(), false).map(h -> h.get("libraryId").asText()).distinct()
                .sorted(Comparator.comparingDouble(id -> kilometres(from, libraries.get(id)))).toList();
    }

    private static double kilometres(Library a, Library b) {
        var p = a.coordinates().orElseThrow();
        var q = b.coordinates().orElseThrow();
        double dLat = Math.toRadians(q.latitude() - p.latitude());
        double dLon = Math.toRadians(q.longitude() - p.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(p.latitude())) * Math.cos(Math.toRadians(q.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371 * 2 * Math.asin(Math.sqrt(h));
    }
}

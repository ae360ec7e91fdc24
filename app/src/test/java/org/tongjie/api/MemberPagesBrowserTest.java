package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.tongjie.catalog.Library;
import org.tongjie.catalog.LibraryKind;
import org.tongjie.harvest.members.Member;
import org.tongjie.harvest.members.MemberSource;
import org.tongjie.harvest.oai.OaiEndpoint;
import org.tongjie.testing.Iso2709;
import org.tongjie.testing.SharedData;

/**
 * A member library's page in a real browser over the demo network: an upload with its progress and the
 * report on every record (two broken ones quarantined with their reasons), and a harvest from a wrong
 * OAI-PMH address, listed with its error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberPagesBrowserTest {
    static final String UPLOADER = "van-1";
    static final String HARVESTED = "oai-branch";
    DemoHub demo;
    Browser browser;
    Path upload;
    HttpServer wrongAddress;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path profile, @TempDir Path files) throws Exception {
        browser = new Browser(profile);
        demo = new DemoHub(dataDir);
        // A member whose OAI-PMH base URL is wrong: the web server there answers 404 Not Found.
        wrongAddress = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        wrongAddress.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        wrongAddress.start();
        var oai = new Library(HARVESTED, "千灯分馆", "Qiandeng Town Branch", LibraryKind.BRANCH, Optional.of("central"), "",
                Optional.empty());
        demo.hub.catalog.libraries().save(oai);
        demo.hub.members.register(new Member(oai, new MemberSource.OaiPmh(OaiEndpoint.marc21(
                URI.create("http://127.0.0.1:" + wrongAddress.getAddress().getPort() + "/oai"))), Optional.of(Duration.ofHours(6)),
                Optional.of(Member.hashKey("demo-key-" + HARVESTED))));
        upload = files.resolve("van-1-export.mrc");
        Files.write(upload, fiveRecordsOneWithABadLeaderAndOneCutShort());
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (demo != null) {
            demo.hub.close();
        }
        if (wrongAddress != null) {
            wrongAddress.stop(0);
        }
    }

    @BeforeEach
    void freshTab() {
        browser.size(Browser.DESKTOP);
        browser.open(demo.hub.uri("/health"));
        browser.script("localStorage.clear(); sessionStorage.clear()");
    }

    @Test
    void aMemberUploadsAFileSeesItsProgressAndTheReportOnEveryRecord() throws Exception {
        browser.open(demo.hub.uri("/member.html"));
        new Select(browser.find("#library")).selectByValue(UPLOADER);
        browser.find("#key").sendKeys("demo-key-" + UPLOADER, Keys.ENTER);
        browser.find("#file").sendKeys(upload.toAbsolutePath().toString());
        browser.find("#send").click();

        browser.find("#report-counts");
        assertEquals("100", browser.find("#progress").getAttribute("value"));
        assertEquals("已上传 100%", browser.find("#progress-label").getText());
        int stored = 0;
        for (String count : List.of("accepted", "updated", "unchanged")) {
            stored += Integer.parseInt(browser.find("#report-counts [data-count=" + count + "] b").getText());
        }
        assertEquals(4, stored, "the four readable records are stored, new or not");
        assertEquals("2", browser.find("#report-counts [data-count=quarantined] b").getText());
        var problems = browser.findAll("#report-problems tbody tr");
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).getText().startsWith("4") && problems.get(0).getText().contains("记录头区有误"), problems.get(0).getText());
        assertTrue(problems.get(0).getAttribute("textContent").contains("leader/00-04"), "the hub's words under the details");
        assertTrue(problems.get(1).getText().startsWith("6") && problems.get(1).getAttribute("textContent").contains("truncated record"),
                problems.get(1).getAttribute("textContent"));

        JsonNode quarantine = demo.hub.get("/api/libraries/" + UPLOADER + "/quarantine", "demo-key-" + UPLOADER).json();
        var shown = browser.await("the quarantine lists both", d -> {
            var rows = d.findElements(By.cssSelector("#quarantine-entries tbody tr"));
            return rows.size() == quarantine.get("total").asInt() ? rows : null;
        });
        assertTrue(shown.getFirst().getAttribute("textContent").contains(quarantine.at("/entries/0/reason").asText()),
                shown.getFirst().getAttribute("textContent"));
        browser.screenshot("member-upload-desktop", Browser.DESKTOP);
        browser.screenshot("member-upload-phone", Browser.PHONE);
        assertEquals(0, browser.overflowOnPhone(), "fits a phone's width");
        assertEquals(List.of(), browser.accessibilityProblems());
    }

    @Test
    void aHarvestFromAWrongAddressIsListedWithItsError() throws Exception {
        browser.script("sessionStorage.setItem('tongjie.member', JSON.stringify({library: arguments[0], key: arguments[1]}))",
                HARVESTED, "demo-key-" + HARVESTED);
        browser.open(demo.hub.uri("/member.html"));
        browser.awaitText("#harvests", "每 6 小时"); // the schedule, PT6H
        browser.find("#harvest-now").click();

        browser.awaitText("#harvest-runs tbody tr", "失败");
        JsonNode run = demo.hub.get("/api/libraries/" + HARVESTED + "/harvests").json().at("/runs/0");
        assertEquals("FAILED", run.get("status").asText());
        var row = browser.find("#harvest-runs tbody tr");
        assertTrue(row.getText().contains("OAI-PMH 采集 · 手动") && !row.getText().contains("FAILED"), row.getText());
        assertTrue(row.getAttribute("textContent").contains(run.get("error").asText()), "the error under the details: " + row.getText());
        browser.screenshot("member-harvests-desktop", Browser.DESKTOP);
    }

    /** The first five records of Zebra's MARC21 sample, the fourth with letters in its length, then one cut off. */
    private static byte[] fiveRecordsOneWithABadLeaderAndOneCutShort() throws Exception {
        List<byte[]> records = Iso2709.splitRecords(Files.readAllBytes(SharedData.file("idzebra-examples/marc21/sample-marc")));
        byte[] badLeader = records.get(3).clone();
        System.arraycopy("12x45".getBytes(StandardCharsets.US_ASCII), 0, badLeader, 0, 5);
        var file = new ByteArrayOutputStream();
        for (int i = 0; i < 5; i++) {
            file.writeBytes(i == 3 ? badLeader : records.get(i));
        }
        file.writeBytes(Arrays.copyOf(records.get(5), 100));
        return file.toByteArray();
    }
}

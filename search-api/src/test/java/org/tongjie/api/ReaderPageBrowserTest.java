package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongjie.catalog.LibraryKind;

/**
 * The reader's search page in a real browser (Debian's chromium, through Debian's chromedriver, both
 * installed by ./tongjie test): type a Chinese title, see the hits with their availability. A screenshot
 * is saved under target/screenshots for a person to look at.
 */
class ReaderPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;
    TestHub hub;
    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed (./tongjie test installs them)");
        hub = new TestHub(dataDir).withLibrary("kunshan", LibraryKind.CENTRAL);
        hub.post("/api/libraries/kunshan/records", UploadAndSearchTest.resource(UploadAndSearchTest.CNMARC));
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=414,900", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aReaderFindsTheThreeBodyTrilogyOnAPhoneSizedScreen() throws IOException {
        browser.get(hub.uri("/").toString());
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("三体", Keys.ENTER);

        var wait = new WebDriverWait(browser, Duration.ofSeconds(10))
                .withMessage(() -> "the page shows: " + browser.findElement(By.tagName("body")).getText());
        wait.until(b -> b.findElement(By.id("total")).getText().startsWith("共 3 条"));
        var hits = browser.findElements(By.cssSelector("#hits li"));
        assertTrue(hits.size() == 3, "three volumes listed, found " + hits.size());
        assertTrue(hits.getFirst().getText().contains("三体"), hits.getFirst().getText());
        assertTrue(hits.getFirst().getText().contains("刘慈欣"), hits.getFirst().getText());
        assertTrue(hits.stream().anyMatch(h -> h.getText().contains("三体 Ⅱ 黑暗森林")), "volumes are told apart");

        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        File png = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), shots.resolve("reader-search.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}

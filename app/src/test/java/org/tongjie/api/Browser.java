package org.tongjie.api;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tongjie.testing.Required;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (both installed by ./tongjie test): one
 * per test class. Screenshots go to target/screenshots for a person to look at.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    /** The tallest full-page screenshot taken; longer pages are cut there. */
    private static final int MAX_SHOT_HEIGHT = 2400;

    final ChromeDriver driver;

    Browser(Path profile) {
        Required.program(CHROMIUM.toString(), "chromium");
        Required.program(CHROMEDRIVER.toString(), "chromium-driver");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    void open(URI uri) {
        driver.get(uri.toString());
    }

    /** Waits up to 10 s for {@code condition}; the failure message shows what the page says. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class) // the page re-rendered while we looked: look again
                .withMessage(() -> what + "; the page shows: " + driver.findElement(By.tagName("body")).getText())
                .until(condition);
    }

    /** The element, once it is on the page and its text contains {@code text}. */
    WebElement awaitText(String css, String text) {
        return await(css + " containing '" + text + "'", d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().contains(text)).findFirst().orElse(null));
    }

    /** The element's text, once it is exactly {@code text} (the page may render more than once on its way). */
    void awaitEquals(String css, String text) {
        await(css + " reading '" + text + "'", d -> d.findElements(By.cssSelector(css)).stream()
                .anyMatch(e -> e.getText().equals(text)) ? true : null);
    }

    WebElement find(String css) {
        return await("an element " + css, d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    void size(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** The whole page (up to a limit) at this window size's width, saved as target/screenshots/NAME.png. */
    Path screenshot(String name, Dimension window) throws IOException {
        Dimension before = driver.manage().window().getSize();
        size(window);
        script("window.scrollTo(0, 0)");
        @SuppressWarnings("unchecked")
        var content = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        double height = Math.min(MAX_SHOT_HEIGHT, ((Number) content.get("height")).doubleValue());
        double width = ((Number) content.get("width")).doubleValue();
        var shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve(name + ".png");
        Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
        size(before);
        return png;
    }

    /** How many CSS pixels the page is wider than a phone's screen (0: nothing to scroll sideways). */
    long overflowOnPhone() {
        Dimension before = driver.manage().window().getSize();
        size(PHONE);
        long over = ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
        size(before);
        return over;
    }

    /**
     * What axe-core (Deque's accessibility rules, WCAG 2.1 A and AA) finds wrong on the page as it is now,
     * serious and critical only: one line per rule with the elements it fails on. Empty is good.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityProblems() throws IOException {
        if (!Boolean.TRUE.equals(script("return typeof axe !== 'undefined'"))) {
            try (var in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                script(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        var found = (List<Map<String, Object>>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))));""");
        return found.stream().map(v -> v.get("id") + " (" + v.get("help") + "): " + v.get("nodes")).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package org.tongjie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.tongjie.api.http.ProblemCode;

/**
 * Every page on a 390 px phone, and the Chinese pages saying in Chinese whatever the hub refuses: each
 * problem code the API answers with, a body that is no problem at all, a network failure, and the real
 * refusals of a wrong PIN and a wrong member key; the staff page's routing reasons as Chinese sentences;
 * a double click that makes one request, and a cancel that asks first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneLanguageAndFlowsBrowserTest {
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LENDER = "central";

    private DemoHub demo;
    private Browser browser;
    private String deskKey;
    private long requestId;
    private String recordId;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path profile) throws Exception {
        demo = new DemoHub(dataDir);
        browser = new Browser(profile);
        deskKey = demo.staffKey(LENDER);
        String[] copy = demo.availableCopiesAt(LENDER, 1).getFirst();
        recordId = copy[0];
        requestId = demo.asReader("POST", "/api/ill/requests", Map.of("recordId", copy[0],
                "pickup", Map.of("libraryId", "locker-huaqiao", "kind", "SMART_LOCKER"),
                "holding", Map.of("libraryId", LENDER, "barcode", copy[1]))).get("id").asLong();
    }

    @AfterAll
    void stop() throws Exception {
        Optional.ofNullable(browser).ifPresent(Browser::close);
        if (demo != null) {
            demo.hub.close();
        }
    }

    /** Each test starts in Chinese, signed in as the central library's desk and member, and as the demo reader. */
    @BeforeEach
    void freshTab() {
        browser.size(Browser.DESKTOP);
        browser.open(demo.hub.uri("/health")); // same origin, no script
        browser.script("localStorage.clear(); sessionStorage.clear();"
                + "sessionStorage.setItem('tongjie.staff', JSON.stringify({library: arguments[0], key: arguments[1]}));"
                + "sessionStorage.setItem('tongjie.member', JSON.stringify({library: arguments[0], key: 'demo-key-' + arguments[0]}));"
                + "sessionStorage.setItem('tongjie.reader', JSON.stringify({auth: arguments[2], card: '****3456', home: arguments[3]}));",
                LENDER, deskKey, DemoHub.readerAuthorization(), DemoHub.READER_LIBRARY);
    }

    @Test
    void everyPageFitsA390PixelPhoneWithNothingCutOffAtItsEdge() throws Exception {
        var pages = new LinkedHashMap<String, String[]>();
        pages.put("reader-search", new String[] {"/#/search?q=computer", "#hits > li"});
        pages.put("reader-record", new String[] {"/#/record/" + recordId, "#holdings td"});
        pages.put("reader-requests", new String[] {"/#/requests", ".requests > li"});
        pages.put("member", new String[] {"/member.html", "#harvests"});
        pages.put("staff-queue", new String[] {"/staff.html#/queue/to-fill", "#queue td"});
        pages.put("staff-request", new String[] {"/staff.html#/request/" + requestId, "#rota td"});
        pages.put("staff-pick-list", new String[] {"/staff.html#/pick-list", "#pick-title"});
        pages.put("staff-statistics", new String[] {"/staff.html#/statistics", "#table-byClass"});
        var failures = new ArrayList<String>();
        browser.size(Browser.PHONE);
        for (var page : pages.entrySet()) {
            browser.open(demo.hub.uri(page.getValue()[0]));
            browser.find(page.getValue()[1]);
            @SuppressWarnings("unchecked")
            var measured = (Map<String, Object>) browser.script("""
                    const inner = window.innerWidth;
                    const cut = [...document.querySelectorAll('td, th, button, input, select, a, h1, h2, p')]
                      .filter(e => e.getClientRects().length > 0 && e.closest('thead') === null)
                      // cut by an edge; wholly left of the page is the skip link's way of waiting for the keyboard
                      .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > 0 && (r.right > inner + 1 || r.left < -1); })
                      .map(e => e.tagName + ' "' + e.textContent.trim().slice(0, 40) + '"');
                    return { scroll: document.documentElement.scrollWidth, inner, cut: cut.slice(0, 5) };""");
            long scroll = ((Number) measured.get("scroll")).longValue();
            long inner = ((Number) measured.get("inner")).longValue();
            if (scroll > inner || !((List<?>) measured.get("cut")).isEmpty()) {
                failures.add(page.getKey() + ": scrollWidth " + scroll + " > innerWidth " + inner + "? cut off: " + measured.get("cut"));
            }
            browser.screenshot(page.getKey() + "-phone-390", Browser.PHONE);
        }
        assertEquals(List.of(), failures);
        assertTrue(((Number) browser.script("return window.innerWidth")).longValue() <= 400, "measured at a phone's width");
    }

    @Test
    void theChinesePageSaysEveryProblemTheApiCanAnswerWithInChinese() {
        browser.open(demo.hub.uri("/health"));
        browser.script("sessionStorage.removeItem('tongjie.reader')");
        browser.open(demo.hub.uri("/#/requests"));
        browser.find("#card").sendKeys(DemoHub.CARD);
        browser.find("#pin").sendKeys(DemoHub.PIN);
        var said = new LinkedHashMap<String, String>();
        for (ProblemCode code : ProblemCode.values()) {
            String problem = problemJson(code);
            said.put(code.key(), answerShown("window.fetch = async () => new Response(arguments[0], { status: arguments[1],"
                    + " headers: { 'Content-Type': 'application/problem+json' } });", problem, code.status().getCode()));
        }
        said.put("proxy page", answerShown("window.fetch = async () => new Response('<html>Bad Gateway</html>', { status: 502 });"));
        said.put("network", answerShown("window.fetch = async () => { throw new TypeError('Failed to fetch'); };"));
        said.forEach((what, text) -> assertFalse(LATIN.matcher(text).find(), what + " is said in Chinese only: " + text));
        assertEquals(ProblemCode.values().length, said.values().stream().limit(ProblemCode.values().length).distinct().count(),
                "each code has a sentence of its own: " + said);

        browser.open(demo.hub.uri("/health"));
        browser.open(demo.hub.uri("/#/requests")); // a page loaded afresh, on the real hub again: a wrong PIN
        browser.find("#card").sendKeys(DemoHub.CARD);
        browser.find("#pin").sendKeys("0000", Keys.ENTER);
        browser.await("the wrong PIN refused", d -> d.findElement(By.cssSelector("#signin [role=status]")).getText().isEmpty() ? null : true);
        assertEquals(said.get(ProblemCode.UNAUTHENTICATED.key()), browser.find("#signin [role=status]").getText());
    }

    @Test
    void theEnglishPageSaysTheSameProblemsInEnglishWithTheHubsDetail() {
        browser.script("localStorage.setItem('tongjie.lang', 'en'); sessionStorage.removeItem('tongjie.reader')");
        browser.open(demo.hub.uri("/#/requests"));
        browser.find("#card").sendKeys(DemoHub.CARD);
        browser.find("#pin").sendKeys(DemoHub.PIN);
        for (ProblemCode code : ProblemCode.values()) {
            String text = answerShown("window.fetch = async () => new Response(arguments[0], { status: arguments[1] });",
                    problemJson(code), code.status().getCode());
            assertTrue(text.contains("(the hub's detail for " + code.key() + ")"), text);
            assertFalse(text.startsWith("That did not work"), code + " has its own sentence: " + text);
        }
    }

    @Test
    void aWrongMemberKeyIsRefusedInChineseAndTheRoutingReasonsAreChineseSentences() {
        browser.script("sessionStorage.setItem('tongjie.member', JSON.stringify({library: 'central', key: 'not-the-key'}))");
        browser.open(demo.hub.uri("/member.html"));
        String refused = browser.await("the wrong key refused", d -> d.findElements(By.cssSelector("#problem")).stream()
                .filter(e -> !e.getText().isEmpty()).findFirst().map(e -> e.getText()).orElse(null));
        assertFalse(LATIN.matcher(refused).find(), refused);

        browser.open(demo.hub.uri("/staff.html#/request/" + requestId));
        var reasons = browser.await("the rota's reasons", d -> {
            var cells = d.findElements(By.cssSelector("#rota tbody td:nth-child(5)"));
            return cells.isEmpty() || cells.getFirst().getText().isEmpty() ? null : cells;
        });
        reasons.forEach(cell -> assertFalse(LATIN.matcher(cell.getText()).find(), "a reason in Chinese: " + cell.getText()));
        assertTrue(reasons.getFirst().getText().contains("在架可借"), reasons.getFirst().getText());
        new Select(browser.find("#one-action")).getOptions().forEach(o -> assertFalse(LATIN.matcher(o.getText()).find(), o.getText()));
    }

    @Test
    void aDoubleClickOnRequestMakesOneRequestAndCancellingAsksFirst() throws Exception {
        String[] copy = demo.availableCopiesAt("branch-zhoushi", 3).getLast();
        int before = demo.asReader("GET", "/api/ill/me", null).get("requests").size();
        browser.open(demo.hub.uri("/#/record/" + copy[0]));
        var submit = browser.find("#request-form button[type=submit]");
        browser.script("window.fetch = (original => (...args) => new Promise(r => setTimeout(r, 400)).then(() => original(...args)))(window.fetch)");
        new org.openqa.selenium.interactions.Actions(browser.driver).doubleClick(submit).perform();
        browser.awaitText("#request-status.ok", "#");
        var mine = demo.asReader("GET", "/api/ill/me", null).get("requests");
        assertEquals(before + 1, mine.size(), "one request for a double click: " + mine);
        assertTrue(submit.isEnabled(), "the button comes back once the request is placed");

        browser.open(demo.hub.uri("/#/requests"));
        long placed = java.util.stream.StreamSupport.stream(mine.spliterator(), false).mapToLong(r -> r.get("id").asLong()).max().orElseThrow();
        String cancel = "li[data-request='" + placed + "'] button[data-action=CANCEL]";
        browser.find(cancel).click();
        var question = browser.await("a question", d -> d.switchTo().alert());
        assertTrue(question.getText().contains("取消"), question.getText());
        question.dismiss();
        assertNotEquals("CANCELLED", demo.asReader("GET", "/api/ill/requests/" + placed, null).get("state").asText(),
                "nothing happens when the reader says no");
        browser.find(cancel).click();
        browser.await("the question again", d -> d.switchTo().alert()).accept();
        browser.await("the request cancelled", d -> {
            try {
                return "CANCELLED".equals(demo.asReader("GET", "/api/ill/requests/" + placed, null).get("state").asText()) ? true : null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String problemJson(ProblemCode code) {
        try {
            return JSON.writeValueAsString(Map.of("type", code.type(), "title", code.title(), "status", code.status().getCode(),
                    "detail", "(the hub's detail for " + code.key() + ")", "instance", "/api/ill/me", "code", code.key()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Installs {@code fetch} as given, signs in, and returns what the sign-in form then says. */
    private String answerShown(String fetch, Object... args) {
        browser.script("document.querySelector('#signin [role=status]').textContent = '';" + fetch, args);
        browser.find("#signin button[type=submit]").click();
        String text = browser.await("the sign-in's answer", d -> {
            String shown = d.findElement(By.cssSelector("#signin [role=status]")).getText();
            return shown.isEmpty() ? null : shown;
        });
        assertNotEquals("", text);
        return text;
    }
}

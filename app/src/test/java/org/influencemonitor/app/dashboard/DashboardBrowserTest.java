package org.influencemonitor.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.influencemonitor.app.KafkaCluster;
import org.influencemonitor.app.LocalPipeline;
import org.influencemonitor.model.Json;
import org.influencemonitor.processor.MonitorConfig;
import org.influencemonitor.processor.tagging.Tagger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in a real browser over the real pipeline: the page is opened first, the bundled samples
 * are replayed, and the map, a timeline and the alert feed must fill up without a reload; then a burst
 * about Romania whose first headline carries markup raises a new alert, which must arrive in the feed
 * live and whose evidence must show the markup as text, with no script run. The screenshots (the page, then
 * the evidence open) are kept in {@code app/target/dashboard-screenshots/}; the README's pictures are copies.
 */
class DashboardBrowserTest {
    @RegisterExtension
    static final KafkaCluster KAFKA = new KafkaCluster();

    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(90);
    /**
     * Ingest turns HTML in a title into text, so markup sent as tags would arrive stripped; sent as entities it
     * arrives as the literal characters {@code <img ...><script>...}, which the dashboard must show as text.
     */
    private static final String HOSTILE_TITLE = "&lt;img src=x onerror=\"window.__pwned=1\"&gt;&lt;script&gt;window.__pwned=2"
            + "&lt;/script&gt; Romania election: fraud claims spread";

    @TempDir
    Path dir;

    @Test
    void theMapTheTimelinesAndTheFeedFillUpLiveAndArticleTextStaysText() throws Exception {
        HeadlessChromium.missing().ifPresent(why -> Assumptions.abort("No headless Chromium here, so no browser test: " + why));
        try (LocalPipeline pipeline = new LocalPipeline(KAFKA.bootstrapServers(), new Properties(),
                MonitorConfig.defaults().withThreshold(10), Tagger.defaults(), "dashboard-test", dir.resolve("state"),
                dir.resolve("alerts.jsonl"), alert -> { })) {
            pipeline.start();
            int port = pipeline.serveQueries().port();
            ChromeDriver browser = HeadlessChromium.start(dir.resolve("chromium-profile"), 1400, 1100);
            try {
                browser.get("http://127.0.0.1:" + port + "/");
                await(() -> "live".equals(browser.findElement(By.id("status")).getText()), "the live feed connects");

                try (var samples = new InputStreamReader(LocalPipeline.class.getResourceAsStream("/samples/articles.jsonl"),
                        StandardCharsets.UTF_8)) {
                    pipeline.replay(samples, "samples");
                }
                pipeline.awaitProcessed();
                await(() -> mapArticles(browser, "MD") > 0, "Moldova is coloured on the map");
                String fill = browser.findElement(By.cssSelector("#map path[data-cc='MD']")).getDomAttribute("fill");
                assertFalse("#eceff1".equals(fill), "Moldova's fill is a colour of the ramp: " + fill);
                WebElement add = browser.findElement(By.id("timeline-add"));
                add.sendKeys("MD");
                add.submit();
                await(() -> browser.findElement(By.id("timeline")).getDomAttribute("data-countries").contains("MD")
                        && points(browser) > 0 && !browser.findElements(By.cssSelector("#timeline canvas")).isEmpty(),
                        "Moldova's timeline is drawn with windows");
                assertTrue(Integer.parseInt(browser.findElement(By.id("timeline")).getDomAttribute("data-alert-marks")) > 0,
                        "Moldova's alerts are marked on its timeline");
                await(() -> feedCount(browser) > 0, "the samples' alerts are in the feed");
                int before = feedCount(browser);
                int romaniaBefore = apiArticles(port, "RO");

                pipeline.replay(new StringReader(romaniaBurst()), "romania");
                pipeline.awaitProcessed();
                await(() -> !romaniaAlerts(browser).isEmpty(), "the new Romanian alert arrives in the feed without a reload");
                assertTrue(feedCount(browser) > before);
                assertEquals(1L, ((Number) script(browser, "return performance.getEntriesByType('navigation').length")).longValue(),
                        "the page was never reloaded");

                assertEquals(romaniaBefore + 12, apiArticles(port, "RO"), "the burst is counted");
                await(() -> mapArticles(browser, "RO") == romaniaBefore + 12, "the map shows Romania's burst");
                Files.createDirectories(SCREENSHOTS);
                Files.write(SCREENSHOTS.resolve("dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));

                romaniaAlerts(browser).get(0).click();
                await(() -> browser.findElements(By.cssSelector("#evidence-body .evidence-item .article-title")).stream()
                        .anyMatch(t -> t.getText().contains("<script>")), "the evidence shows the headline's markup as text");
                WebElement title = browser.findElements(By.cssSelector("#evidence-body .evidence-item .article-title")).stream()
                        .filter(t -> t.getText().contains("<script>")).findFirst().orElseThrow();
                assertTrue(title.getText().contains("<img src=x onerror="), title.getText());
                assertEquals("auto", title.getDomAttribute("dir"));
                assertFalse(title.findElements(By.cssSelector("mark.m-country")).isEmpty(), "Romania is highlighted");
                assertNull(script(browser, "return window.__pwned === undefined ? null : window.__pwned"),
                        "no script from a headline ran");
                assertEquals(1L, ((Number) script(browser, "return document.scripts.length")).longValue(),
                        "no script element came in with article text");
                assertEquals(0L, ((Number) script(browser, "return document.querySelectorAll('#feed img, #evidence img').length"))
                        .longValue(), "no element came in with article text");
                assertNull(browser.findElement(By.tagName("body")).getDomAttribute("data-csp-violations"),
                        "the page and its libraries run within the Content-Security-Policy");
                script(browser, "document.getElementById('status').setAttribute('style', 'color: red')");
                await(() -> "1".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-csp-violations")),
                        "the policy is in force: the browser refuses an inline style attribute, and the page counts it");

                Files.write(SCREENSHOTS.resolve("dashboard-evidence.png"), browser.getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }

            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("monitor_alerts_total{component=\"processor\",rule=\"threshold\",severity=\"warning\",status=\"firing\"}"),
                    "alerts are counted by rule, severity and status");
            assertTrue(count(metrics, "monitor_alert_latency_seconds_count") > 0, "the end-to-end latency is measured");
            assertTrue(count(metrics, "monitor_articles_tagged_total") >= 400, "every article is counted as tagged");
        }
    }

    private static String romaniaBurst() throws Exception {
        StringBuilder lines = new StringBuilder();
        Instant hour = Instant.parse("2024-10-25T10:00:00Z");
        for (int i = 0; i < 12; i++) {
            String title = i == 0 ? HOSTILE_TITLE : "Romania election: claims of rigged vote spread, report " + i;
            lines.append(Json.mapper().writeValueAsString(java.util.Map.of(
                    "url", "https://news.example/romania/" + i,
                    "source", "Example News",
                    "title", title,
                    "text", "Romania votes amid claims that the election is rigged; officials deny any fraud.",
                    "published_at", hour.plusSeconds(60L * i).toString()))).append('\n');
        }
        return lines.toString();
    }

    private static List<WebElement> romaniaAlerts(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#feed li.alert")).stream()
                .filter(li -> li.getText().contains("RO threshold")).toList();
    }

    /** {@code country}'s articles in the /map answer the page reads. */
    private static int apiArticles(int port, String country) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/map"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        for (var c : Json.mapper().readTree(body).path("countries")) {
            if (c.path("country").asText().equals(country)) {
                return c.path("articles").asInt();
            }
        }
        return 0;
    }

    private static int mapArticles(ChromeDriver browser, String country) {
        String articles = browser.findElement(By.cssSelector("#map path[data-cc='" + country + "']")).getDomAttribute("data-articles");
        return articles == null ? 0 : Integer.parseInt(articles);
    }

    private static int points(ChromeDriver browser) {
        String points = browser.findElement(By.id("timeline")).getDomAttribute("data-points");
        return points == null ? 0 : Integer.parseInt(points);
    }

    private static int feedCount(ChromeDriver browser) {
        String count = browser.findElement(By.id("feed")).getDomAttribute("data-count");
        return count == null ? 0 : Integer.parseInt(count);
    }

    private static Object script(ChromeDriver browser, String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    /** The sum of every sample of {@code name} in a Prometheus text answer. */
    static double count(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
            } catch (RuntimeException | AssertionError e) {
                last = new AssertionError(e.toString(), e);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within " + WAIT + ": " + what, last);
    }
}

package com.peptalk.iframe;

import com.peptalk.events.comms.Channel;
import com.peptalk.events.comms.MessageStatus;
import com.peptalk.testsupport.FakeTokenService;
import com.peptalk.testsupport.HeadlessChromium;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import static com.peptalk.iframe.Events.request;
import static com.peptalk.iframe.Events.statusAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard's 30-day chart in a real browser, inside a frame as Procore shows it: a parent page on another origin
 * (allowed by the test profile's {@code frame-ancestors}) frames the dashboard at Procore's full width and in its
 * 400 px side panel, under the page's own content security policy. Debian's Chromium (see {@link HeadlessChromium});
 * screenshots in {@code target/screenshots}.
 */
class DashboardBrowserTests extends IframeServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static HeadlessChromium chromium;
    private static HttpServer procore;
    private static volatile String framed = "about:blank";

    @BeforeAll
    static void start() throws IOException {
        chromium = HeadlessChromium.start(Path.of("target", "screenshots"));
        // the parent page: /wide frames the dashboard at 1000 px, /panel at 400 px
        procore = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        procore.createContext("/", exchange -> {
            int width = exchange.getRequestURI().getPath().equals("/panel") ? 400 : 1000;
            byte[] page = """
                    <!doctype html><html lang="en"><head><title>Procore</title></head><body>
                    <h1>Procore project</h1>
                    <iframe id="peptalk" title="Peptalk" src="%s" width="%d" height="800"></iframe>
                    </body></html>""".formatted(framed.replace("&", "&amp;").replace("\"", "&quot;"), width)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        procore.start();
    }

    @AfterAll
    static void stop() {
        if (procore != null) {
            procore.stop(0);
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theFramedDashboardDrawsTheChartAtFullWidthAndInTheSidePanel() {
        long project = project("Framed Tower", "America/Chicago");
        ZoneId zone = ZoneId.of("America/Chicago");
        Events events = new Events(publisher);
        LocalDate today = LocalDate.now(zone);
        for (int daysAgo = 0; daysAgo < 5; daysAgo++) {
            for (int i = 0; i <= daysAgo; i++) {
                UUID message = UUID.randomUUID();
                events.publish(request(message, Channel.EMAIL, project));
                events.publish(statusAt(message, Channel.EMAIL, daysAgo == 3 && i == 0 ? MessageStatus.BOUNCED
                        : MessageStatus.DELIVERED, today.minusDays(daysAgo).atTime(LocalTime.of(9, 0)).atZone(zone)
                        .toInstant()));
            }
        }
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select coalesce(sum(messages), 0) from "
                + "daily_message_outcomes where project_id = ?", Integer.class, project) == 15);
        framed = "http://localhost:" + port + IFRAME + "?api_token="
                + URLEncoder.encode(FakeTokenService.projectToken(project), StandardCharsets.UTF_8);
        String parent = "http://127.0.0.1:" + procore.getAddress().getPort();

        for (String layout : new String[] { "wide", "panel" }) {
            WebDriver browser = chromium.driver();
            browser.get(parent + "/" + layout);
            browser.switchTo().frame(browser.findElement(By.id("peptalk")));
            new WebDriverWait(browser, WAIT).withMessage(() -> "the framed page shows no chart: "
                    + browser.findElement(By.tagName("body")).getText())
                    .until(d -> !d.findElements(By.cssSelector("#daily-email svg")).isEmpty());

            WebElement chart = browser.findElement(By.cssSelector("#daily-email svg"));
            assertThat(browser.findElements(By.cssSelector("#daily-email rect.bar-delivered"))).hasSize(5);
            assertThat(browser.findElements(By.cssSelector("#daily-email rect.bar-failed"))).hasSize(1);
            WebElement tallest = browser.findElement(By.cssSelector("#daily-email rect[data-day='"
                    + today.minusDays(4) + "']"));
            assertThat(tallest.getRect().getHeight()).as(layout).isGreaterThan(100);
            assertThat(tallest.getRect().getWidth()).as(layout).isGreaterThan(3);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            assertThat(js.executeScript("return getComputedStyle(arguments[0]).fill", tallest))
                    .as("coloured by the stylesheet, which the CSP lets in").isEqualTo("rgb(27, 110, 52)");
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue())
                    .as("%s: nothing wider than the frame", layout)
                    .isLessThanOrEqualTo(((Number) js.executeScript("return document.documentElement.clientWidth"))
                            .longValue());
            assertThat(chart.getRect().getWidth()).as(layout).isLessThanOrEqualTo(layout.equals("panel") ? 400 : 1000);
            assertThat(js.executeScript("return getComputedStyle(arguments[0]).fontSize",
                    browser.findElement(By.cssSelector("#daily-email .dates text")))).as("dates stay readable")
                    .isEqualTo("12px");
            assertThat(browser.findElement(By.id("daily-sms-empty")).getText())
                    .isEqualTo("No SMS messages in the last 30 days.");
            js.executeScript("arguments[0].scrollIntoView()", chart);
            chromium.screenshot("dashboard-chart-" + layout);
            browser.switchTo().defaultContent();
        }
    }
}

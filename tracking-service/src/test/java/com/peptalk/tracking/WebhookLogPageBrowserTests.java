package com.peptalk.tracking;

import com.peptalk.testsupport.GatewayStandIn;
import com.peptalk.testsupport.HeadlessChromium;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook log page in a real browser (headless Chromium), reached as an admin through a stand-in of the gateway:
 * it works like the Deliveries section of Procore's Webhooks page.
 */
@ServiceTest
class WebhookLogPageBrowserTests {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start(Path.of("target", "screenshots"));
        browser = chromium.driver();
    }

    @AfterAll
    static void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAdminPagesThroughDeliveriesFiltersFailuresAndOpensOne() {
        String newest = "browser-" + UUID.randomUUID();
        for (int i = 0; i < 26; i++) {
            Http.post("http://localhost:" + port + "/webhooks/procore", "application/json",
                    "{\"ulid\":\"" + (i == 25 ? newest : UUID.randomUUID()) + "\"}", Map.of("Authorization", "Bearer wrong"));
        }
        try (GatewayStandIn gateway = GatewayStandIn.inFrontOf(port)) {
            browser.get(gateway.url("/webhook-log"));

            List<WebElement> entries = browser.findElements(By.cssSelector("details.entry"));
            assertThat(entries).hasSize(25);
            assertThat(browser.findElement(By.linkText("More deliveries")).isDisplayed()).isTrue();

            WebElement first = entries.getFirst();
            assertThat(first.findElement(By.cssSelector(".payload")).isDisplayed()).isFalse();
            first.findElement(By.tagName("summary")).click();
            assertThat(first.findElement(By.cssSelector(".payload")).getText()).contains(newest);
            assertThat(first.findElement(By.cssSelector(".response-body")).getText()).contains("Authorization");
            assertThat(first.findElement(By.cssSelector(".request-headers")).getText()).contains("authorization: ****")
                    .doesNotContain("Bearer wrong");

            browser.findElement(By.name("failures")).click();
            browser.findElement(By.cssSelector("form.filters button")).click();
            // a click does not wait for the page it asks for: wait until the old page is gone and the new one is here
            pageReplaces(first, "failures=true");
            assertThat(browser.findElements(By.cssSelector("details.entry"))).isNotEmpty()
                    .allMatch(entry -> entry.getAttribute("class").contains("failed"));

            WebElement firstFailure = browser.findElement(By.cssSelector("details.entry"));
            browser.findElement(By.linkText("More deliveries")).click();
            pageReplaces(firstFailure, "before=");
            assertThat(browser.findElements(By.cssSelector("details.entry"))).isNotEmpty()
                    .noneMatch(entry -> entry.getText().contains(newest));
            chromium.screenshot("webhook-log");
        }
    }

    private static void pageReplaces(WebElement onOldPage, String urlPart) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.and(ExpectedConditions.stalenessOf(onOldPage),
                        ExpectedConditions.urlContains(urlPart)));
    }
}

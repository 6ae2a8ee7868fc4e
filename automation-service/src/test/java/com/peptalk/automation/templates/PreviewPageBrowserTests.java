package com.peptalk.automation.templates;

import com.peptalk.automation.AutomationApi;
import com.peptalk.automation.Directory;
import com.peptalk.testsupport.GatewayStandIn;
import com.peptalk.testsupport.HeadlessChromium;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The template preview page in headless Chromium, as an admin signed in at the gateway opens it. */
@ServiceTest
class PreviewPageBrowserTests {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start(SCREENSHOTS);
        browser = chromium.driver();
    }

    @AfterAll
    static void quitBrowser() {
        if (chromium != null) {
            try {
                chromium.close();
            }
            catch (WebDriverException slowShutdown) {
                // on a loaded machine the driver may outlast Selenium's shutdown wait; the tests have run by then
            }
        }
    }

    @Test
    void showsAnEmailAsItRendersAndAnSmsWithItsSegments() {
        AutomationApi api = new AutomationApi(port);
        long company = Directory.nextId();
        long email = api.post("/templates", Map.of("companyId", company, "name", "observation-email", "kind", "MESSAGE",
                "channel", "EMAIL", "subject", "New observation on {{ project.name }}",
                "bodyHtml", "<h1 id=\"greeting\">Hi {{ recipient.first_name }}</h1><p>{{ event.title }}</p>",
                "variables", List.of(Map.of("name", "event.title", "sample", "<script>alert(1)</script> Guardrail"))))
                .body().path("templateId").asLong();
        long sms = api.post("/templates", Map.of("companyId", company, "name", "kiosk-sms", "kind", "MESSAGE",
                "channel", "SMS", "bodySms", "Kiosk {{ event.kiosk_id }} at {{ project.name }} is offline. " + "x".repeat(140),
                "variables", List.of(Map.of("name", "event.kiosk_id", "sample", "K-12"))))
                .body().path("templateId").asLong();

        try (GatewayStandIn gateway = GatewayStandIn.inFrontOf(port)) {
            browser.get(gateway.url("/automation/templates/" + email + "/versions/1/preview"));
            assertThat(browser.getTitle()).isEqualTo("Template " + email + ", version 1 · Peptalk automation");
            assertThat(browser.findElement(By.id("subject")).getText()).isEqualTo("New observation on Harbor Tower");
            assertThat(browser.findElement(By.id("email-text")).getText()).contains("Hi Sam", "<script>alert(1)</script> Guardrail");
            browser.switchTo().frame(browser.findElement(By.id("email-html")));
            assertThat(browser.findElement(By.id("greeting")).getText()).isEqualTo("Hi Sam");
            assertThat(browser.findElements(By.tagName("script"))).isEmpty();
            assertThat(browser.findElement(By.tagName("p")).getText()).isEqualTo("<script>alert(1)</script> Guardrail");
            browser.switchTo().defaultContent();
            chromium.screenshot("preview-email");

            browser.get(gateway.url("/automation/templates/" + sms + "/versions/1/preview"));
            assertThat(browser.findElement(By.id("sms-text")).getText()).startsWith("Kiosk K-12 at Harbor Tower is offline.");
            assertThat(browser.findElement(By.id("sms-segments")).getText()).isEqualTo("GSM-7 · 179 characters · 2 segments");
            chromium.screenshot("preview-sms");

            browser.get(gateway.url("/automation/templates/" + sms + "/versions/9/preview"));
            assertThat(browser.findElement(By.id("error-message")).getText()).isEqualTo("There is no such template version.");
        }
    }

    @Test
    void answersAReadablePageNotA5xxForAnAddressThatIsNotAVersion() {
        HttpResponse<String> page = Http.get("http://localhost:" + port + "/automation/templates/abc/versions/1/preview",
                Http.admin());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("must be whole numbers");
    }
}

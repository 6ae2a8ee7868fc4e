package com.peptalk.heartbeat.dashboard;

import com.peptalk.testsupport.GatewayStandIn;
import com.peptalk.testsupport.HeadlessChromium;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (headless Chromium), as an operator uses it on a wall screen and on a 400 px
 * phone: counts, the filtered list, a kiosk's page with its timeline chart and flips. Screenshots land in
 * {@code target/screenshots}.
 */
@ServiceTest
class DashboardPagesBrowserTests {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GatewayStandIn gateway;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start(SCREENSHOTS);
        browser = chromium.driver();
    }

    @AfterAll
    static void quitBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void gateway() {
        gateway = GatewayStandIn.inFrontOf(port);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
    }

    @Test
    void anOperatorFiltersTheFleetAndOpensAKioskWithItsTimelineAndFlips() {
        Instant now = Instant.now();
        Fleet fleet = Fleet.ofNewProject(jdbc);
        fleet.withHistory("North gate", now.minusSeconds(5), new Instant[] { now.minus(Duration.ofDays(3)) }, "ONLINE");
        String flapping = fleet.withHistory("Crane cabin", now.minusSeconds(30), new Instant[] {
                now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(5)), now.minus(Duration.ofHours(4)),
                now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(100)) },
                "ONLINE", "OFFLINE", "ONLINE", "OFFLINE", "ONLINE");
        fleet.withHistory("South gate", now.minus(Duration.ofHours(3)),
                new Instant[] { now.minus(Duration.ofDays(3)), now.minus(Duration.ofHours(3)) }, "ONLINE", "OFFLINE");
        fleet.neverReported("Site office", now.minus(Duration.ofDays(1)));

        browser.get(gateway.url("/heartbeats?project_id=" + fleet.projectId()));
        assertThat(browser.getTitle()).isEqualTo("Kiosks · Peptalk heartbeats");
        assertThat(browser.findElement(By.cssSelector("meta[http-equiv=refresh]")).getDomAttribute("content"))
                .isEqualTo("30");
        assertThat(browser.findElement(By.id("match-count")).getText()).isEqualTo("4 kiosk(s) match.");
        assertThat(browser.findElements(By.cssSelector("#kiosks tbody tr")).getFirst().getText()).contains("South gate",
                "offline");
        chromium.screenshot("heartbeats-01-overview");

        new Select(browser.findElement(By.id("status-filter"))).selectByVisibleText("online");
        browser.findElement(By.cssSelector("form.filters button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("status=ONLINE"));
        assertThat(browser.findElements(By.cssSelector("#kiosks tbody tr"))).hasSize(2);

        browser.findElement(By.linkText("Crane cabin")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/heartbeats/kiosks/"));
        assertThat(browser.getCurrentUrl()).endsWith("/heartbeats/kiosks/" + flapping);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("online");
        assertThat(browser.findElements(By.cssSelector("#timeline rect.status-offline"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#timeline rect.bar"))).hasSize(24);
        assertThat(browser.findElements(By.cssSelector("#flips tbody tr"))).hasSize(5);
        assertThat(browser.findElement(By.id("uptime")).getText()).startsWith("24 h: 94.4");
        chromium.screenshot("heartbeats-02-kiosk");

        browser.manage().window().setSize(new Dimension(400, 900));
        browser.navigate().refresh();
        assertThat(horizontalOverflow()).isFalse();
        chromium.screenshot("heartbeats-03-kiosk-400px");
        browser.get(gateway.url("/heartbeats?project_id=" + fleet.projectId()));
        assertThat(horizontalOverflow()).isFalse();
        chromium.screenshot("heartbeats-04-overview-400px");
    }

    @Test
    void anUnknownKioskOrABadFilterIsAReadablePage() {
        browser.get(gateway.url("/heartbeats/kiosks/999999999999999"));
        assertThat(browser.findElement(By.id("error-message")).getText()).isEqualTo("No kiosk has this id.");
        browser.get(gateway.url("/heartbeats?status=SLEEPING"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("error-message")).getText()).contains("status");
        chromium.screenshot("heartbeats-05-bad-filter");
    }

    /** Whether the page is wider than the window (the tables scroll inside their own box instead). */
    private boolean horizontalOverflow() {
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(overflow);
    }
}

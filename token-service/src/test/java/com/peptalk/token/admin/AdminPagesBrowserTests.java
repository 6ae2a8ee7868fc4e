package com.peptalk.token.admin;

import com.peptalk.testsupport.GatewayStandIn;
import com.peptalk.testsupport.HeadlessChromium;
import com.peptalk.testsupport.ServiceTest;
import com.peptalk.token.tokens.ApiTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.peptalk.token.admin.AdminFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages in a real browser, as an admin uses them: headless Chromium driven through Selenium against
 * the whole service on its random port. It uses Debian's {@code chromium} and {@code chromium-driver} (CI installs
 * them) and never lets Selenium download a browser or a driver. Screenshots land in {@code target/screenshots}.
 */
@ServiceTest
class AdminPagesBrowserTests {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static WebDriver browser;
    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokens tokens;

    AdminFixtures fixtures;

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

    /** The browser reaches the pages as an admin signed in at the gateway (which relays the admin's identity). */
    GatewayStandIn gateway;

    @BeforeEach
    void fixtures() {
        fixtures = new AdminFixtures(jdbc);
        gateway = GatewayStandIn.inFrontOf(port);
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
    }

    @Test
    void anAdminGeneratesTokensForSelectedGroupsOpensProcoreAndViewsAProjectsReport() throws IOException {
        String companyName = unique("Browser Builders");
        long company = fixtures.company(companyName);
        long towerA = fixtures.project(company, "Tower A");
        long towerB = fixtures.project(company, "Tower B");
        long garage = fixtures.project(company, "Parking garage");
        List.of(towerA, towerB, garage).forEach(project -> tokens.ensureProjectToken(project, company));
        long north = fixtures.group(company, "North campus", List.of(towerA, towerB));
        long south = fixtures.group(company, "South campus", List.of(garage));
        long executive = fixtures.group(company, "Executive overview", List.of(towerA, towerB, garage));
        tokens.generateForProjectGroups(List.of(executive));

        browser.get(url("/admin"));
        new Select(browser.findElement(By.id("company-filter"))).selectByVisibleText(companyName);
        browser.findElement(By.id("apply-filters")).click();
        await().until(ExpectedConditions.urlContains("company_id=" + company));
        assertThat(browser.getTitle()).isEqualTo("Project Groups · Peptalk admin");
        assertThat(tokenCell(north).getText()).isEqualTo("none");
        assertThat(tokenCell(executive).getText()).startsWith("ppt_pg_");
        screenshot("01-project-groups-before");

        for (long group : List.of(north, south, executive)) {
            browser.findElement(By.id("select-group-" + group)).click();
        }
        new Select(browser.findElement(By.id("batch-action"))).selectByVisibleText("Generate API tokens");
        screenshot("02-project-groups-selected");
        browser.findElement(By.id("apply-batch-action")).click();

        WebElement notice = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).isEqualTo("Generated 2 API tokens; skipped 1 group that already had one.");
        assertThat(browser.getCurrentUrl()).contains("company_id=" + company);
        for (long group : List.of(north, south, executive)) {
            assertThat(tokenCell(group).getText()).startsWith("ppt_pg_").endsWith("…");
            assertThat(browser.findElement(By.id("select-group-" + group)).isSelected()).isFalse();
        }
        screenshot("03-project-groups-generated");

        browser.findElement(By.cssSelector("#group-row-" + north + " a.open-procore")).click();
        await().until(ExpectedConditions.urlContains("/admin/project_groups/" + north + "/procore"));
        String token = browser.findElement(By.id("api-token")).getDomProperty("value");
        assertThat(token).matches("ppt_pg_[A-Za-z0-9_-]{43}").isEqualTo(tokens.openProcore(north).token());
        assertThat(browser.findElement(By.id("api-token")).getDomAttribute("readonly")).isNotNull();
        WebElement iframeUrl = browser.findElement(By.id("iframe-url"));
        String expectedUrl = "http://localhost:8080/integrations/procore/iframe?api_token=" + token;
        assertThat(iframeUrl.getText()).isEqualTo(expectedUrl);
        assertThat(iframeUrl.getDomAttribute("href")).isEqualTo(expectedUrl);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Tower A", "Tower B");
        screenshot("04-open-procore");

        browser.findElement(By.linkText("Projects")).click();
        await().until(ExpectedConditions.titleIs("Projects · Peptalk admin"));
        new Select(browser.findElement(By.id("company-filter"))).selectByVisibleText(companyName);
        browser.findElement(By.id("apply-filters")).click();
        await().until(ExpectedConditions.urlContains("company_id=" + company));
        screenshot("05-projects");
        browser.findElement(By.cssSelector("#project-row-" + towerA + " a.view-procore-report")).click();
        await().until(ExpectedConditions.urlContains("/admin/projects/" + towerA + "/procore_report"));
        String projectToken = browser.findElement(By.id("api-token")).getDomProperty("value");
        assertThat(projectToken).matches("ppt_pr_[A-Za-z0-9_-]{43}")
                .isEqualTo(tokens.projectReport(towerA).token());
        assertThat(browser.findElement(By.id("iframe-url")).getText())
                .isEqualTo("http://localhost:8080/integrations/procore/iframe?api_token=" + projectToken);
        screenshot("06-view-procore-report");
    }

    @Test
    void anAdminWhoSubmitsWithoutSelectingAGroupIsToldSoAndAnUnknownGroupIsAReadablePage() throws IOException {
        long company = fixtures.company(unique("Careless Co"));
        fixtures.group(company, "Untouched", List.of());
        long before = fixtures.allTokens();

        browser.get(url("/admin/project_groups?company_id=" + company));
        new Select(browser.findElement(By.id("batch-action"))).selectByVisibleText("Generate API tokens");
        browser.findElement(By.id("apply-batch-action")).click();

        WebElement notice = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).startsWith("Nothing was generated: select at least one project group");
        assertThat(notice.getDomAttribute("role")).isEqualTo("alert");
        assertThat(fixtures.allTokens()).isEqualTo(before);
        screenshot("07-nothing-selected");

        browser.get(url("/admin/project_groups/987654321/procore"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.findElement(By.id("error-message")).getText())
                .isEqualTo("Project group 987654321 does not exist.");
        screenshot("08-unknown-group");
    }

    private WebElement tokenCell(long group) {
        return browser.findElement(By.cssSelector("#group-row-" + group + " td.token"));
    }

    private WebDriverWait await() {
        return new WebDriverWait(browser, WAIT);
    }

    private String url(String path) {
        return gateway.url(path);
    }

    private static void screenshot(String name) {
        chromium.screenshot(name);
    }
}

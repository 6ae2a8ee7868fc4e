package com.peptalk.token.admin;

import com.peptalk.events.tokens.ApiTokenType;
import com.peptalk.testsupport.GatewayIdentity;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import com.peptalk.token.tokens.ApiTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.peptalk.token.admin.AdminFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin pages over real HTTP: what each page shows, the batch action's outcomes, the error pages. */
@ServiceTest
class AdminPagesWebTests {

    private static final Pattern GROUP_TOKEN = Pattern.compile("value=\"(ppt_pg_[A-Za-z0-9_-]{43})\"");
    private static final Pattern PROJECT_TOKEN = Pattern.compile("value=\"(ppt_pr_[A-Za-z0-9_-]{43})\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokens tokens;

    AdminFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AdminFixtures(jdbc);
    }

    @Test
    void adminRedirectsToProjectGroups() {
        HttpResponse<String> response = get("/admin");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(URI.create(location).getPath()).isEqualTo("/admin/project_groups"));
    }

    @Test
    void projectGroupsListShowsEachGroupsCompanyProjectCountAndTokenPrefix() {
        String companyName = unique("Listing Co");
        long company = fixtures.company(companyName);
        long tower = fixtures.project(company, "Tower");
        long garage = fixtures.project(company, "Garage");
        long withToken = fixtures.group(company, "With token", List.of(tower, garage));
        long withoutToken = fixtures.group(company, "Without token", List.of(tower));
        tokens.generateForProjectGroups(List.of(withToken));
        String prefix = tokens.activeTokens(ApiTokenType.PROJECT_GROUP, List.of(withToken))
                .get(withToken).displayPrefix();

        HttpResponse<String> page = get("/admin/project_groups?company_id=" + company);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertSecretSafeHeaders(page);
        String withTokenRow = row(page.body(), "group-row-" + withToken);
        assertThat(withTokenRow).contains("With token", companyName, ">2<", prefix, "Open Procore",
                "href=\"/admin/project_groups/" + withToken + "/procore\"",
                "name=\"ids\" value=\"" + withToken + "\"", "Select With token");
        String withoutTokenRow = row(page.body(), "group-row-" + withoutToken);
        assertThat(withoutTokenRow).contains("Without token", ">1<", ">none<").doesNotContain("Open Procore");
        assertThat(page.body()).contains("<option value=\"generate_api_tokens\">Generate API tokens</option>")
                .doesNotContainPattern("ppt_pg_[A-Za-z0-9_-]{43}");
    }

    @Test
    void projectGroupsArePagedByTwentyFiveAndCanBeOrderedByName() {
        long company = fixtures.company(unique("Paging Co"));
        for (int i = 1; i <= 26; i++) {
            fixtures.group(company, "Group %02d".formatted(i), List.of());
        }

        String first = get("/admin/project_groups?company_id=" + company + "&sort=name").body();
        String second = get("/admin/project_groups?company_id=" + company + "&sort=name&page=2").body();

        assertThat(count(first, "name=\"ids\"")).isEqualTo(25);
        assertThat(first).contains("Page 1 of 2", "(26 groups)", "Group 01", "Group 25").doesNotContain("Group 26")
                .contains("href=\"/admin/project_groups?company_id=" + company + "&amp;sort=name&amp;page=2\"");
        assertThat(count(second, "name=\"ids\"")).isEqualTo(1);
        assertThat(second).contains("Page 2 of 2", "Group 26", "Previous page");
        assertThat(get("/admin/project_groups?company_id=" + company + "&page=3").body())
                .contains("There is no page");
    }

    @Test
    void generateApiTokensCreatesTokensForSelectedGroupsWithoutOneAndSkipsTheOthers() {
        long company = fixtures.company(unique("Batch Co"));
        long first = fixtures.group(company, "First", List.of());
        long second = fixtures.group(company, "Second", List.of());
        long already = fixtures.group(company, "Already", List.of());
        tokens.generateForProjectGroups(List.of(already));

        HttpResponse<String> response = batch("batch_action=generate_api_tokens&ids=" + first + "&ids=" + second
                + "&ids=" + already + "&company_id=" + company + "&sort=name&page=1");

        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/admin/project_groups?company_id=" + company + "&sort=name&notice=");
        HttpResponse<String> list = get(location);
        assertThat(notice(list.body())).isEqualTo("Generated 2 API tokens; skipped 1 group that already had one.");
        assertThat(list.body()).contains("role=\"status\"");
        assertThat(List.of(first, second, already))
                .allSatisfy(group -> assertThat(fixtures.activeTokens("ProjectGroup", group)).isOne());
        assertThat(row(list.body(), "group-row-" + first)).contains("ppt_pg_", "Open Procore");
    }

    @Test
    void batchActionWithoutSelectionCreatesNothingAndSaysSo() {
        long before = fixtures.allTokens();

        HttpResponse<String> response = batch("batch_action=generate_api_tokens");

        assertThat(response.statusCode()).isEqualTo(303);
        String page = get(response.headers().firstValue("Location").orElseThrow()).body();
        assertThat(notice(page)).isEqualTo(
                "Nothing was generated: select at least one project group, then choose “Generate API tokens”.");
        assertThat(page).contains("role=\"alert\"");
        assertThat(fixtures.allTokens()).isEqualTo(before);
    }

    @Test
    void batchActionWithoutAnActionCreatesNothingAndSaysSo() {
        long company = fixtures.company(unique("No action Co"));
        long group = fixtures.group(company, "Waiting", List.of());

        HttpResponse<String> response = batch("batch_action=&ids=" + group);

        assertThat(notice(get(response.headers().firstValue("Location").orElseThrow()).body()))
                .isEqualTo("Nothing was changed: choose the batch action “Generate API tokens”, then submit.");
        assertThat(fixtures.activeTokens("ProjectGroup", group)).isZero();
    }

    @Test
    void batchActionWithUnknownIdsNamesThemAndCreatesNothing() {
        long company = fixtures.company(unique("Unknown Co"));
        long known = fixtures.group(company, "Known", List.of());

        HttpResponse<String> response = batch("batch_action=generate_api_tokens&ids=" + known
                + "&ids=987654321&ids=987654322");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(notice(get(response.headers().firstValue("Location").orElseThrow()).body())).isEqualTo(
                "Nothing was generated: project groups 987654321, 987654322 do not exist. Reload the list and select again.");
        assertThat(fixtures.activeTokens("ProjectGroup", known)).isZero();
    }

    @Test
    void batchActionWithMalformedIdsIsABadRequestPage() {
        HttpResponse<String> response = batch("batch_action=generate_api_tokens&ids=abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("must be given by their ids");
        assertReadableErrorPage(response);
    }

    @Test
    void batchActionPostedFromAnotherSiteIsRefused() {
        long company = fixtures.company(unique("Cross-site Co"));
        long group = fixtures.group(company, "Target", List.of());

        HttpResponse<String> response = Http.post(url("/admin/project_groups/batch_action"),
                "application/x-www-form-urlencoded", "batch_action=generate_api_tokens&ids=" + group,
                Map.of("Sec-Fetch-Site", "cross-site", "Authorization", GatewayIdentity.authorization()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertReadableErrorPage(response);
        assertThat(fixtures.activeTokens("ProjectGroup", group)).isZero();
    }

    @Test
    void aForgedOrStaleNoticeIsNotShown() {
        HttpResponse<String> response = batch("batch_action=generate_api_tokens");
        String location = response.headers().firstValue("Location").orElseThrow();
        String genuine = location.substring(location.indexOf("notice=") + "notice=".length());
        String[] parts = genuine.split("\\.");
        String forged = parts[0] + ".g-99-0." + parts[2];

        assertThat(get("/admin/project_groups?notice=" + genuine).body()).contains("id=\"notice\"");
        assertThat(get("/admin/project_groups?notice=" + forged).body()).doesNotContain("id=\"notice\"");
        assertThat(get("/admin/project_groups?notice=1.g-5-0.AAAAAAAAAAAAAAAAAAAAAA").body())
                .doesNotContain("id=\"notice\"");
        assertThat(get("/admin/project_groups?notice=%3Cscript%3E").statusCode()).isEqualTo(200);
    }

    @Test
    void openProcoreShowsTheGroupsProjectsTokenAndIframeUrl() {
        long company = fixtures.company(unique("Procore Co"));
        long tower = fixtures.project(company, "Tower A");
        long plaza = fixtures.project(company, "Plaza");
        long group = fixtures.group(company, "Downtown", List.of(tower, plaza));
        tokens.generateForProjectGroups(List.of(group));
        String token = tokens.openProcore(group).token();

        HttpResponse<String> page = get("/admin/project_groups/" + group + "/procore");

        assertThat(page.statusCode()).isEqualTo(200);
        assertSecretSafeHeaders(page);
        assertThat(match(GROUP_TOKEN, page.body())).isEqualTo(token);
        assertThat(page.body()).contains("Open Procore: <span>Downtown</span>", "Tower A", "Plaza",
                "readonly", "id=\"iframe-url\"",
                ">http://localhost:8080/integrations/procore/iframe?api_token=" + token + "<",
                "href=\"/admin/projects/" + tower + "/procore_report\"");
    }

    @Test
    void openProcoreForAGroupWithoutATokenSaysToGenerateOne() {
        long company = fixtures.company(unique("Tokenless Co"));
        long group = fixtures.group(company, "Tokenless", List.of());

        HttpResponse<String> page = get("/admin/project_groups/" + group + "/procore");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("has no API token yet", "“Generate API tokens”")
                .doesNotContain("ppt_pg_", "iframe?api_token");
        assertThat(get("/admin/project_groups?company_id=" + company).body()).contains("(1 group)");
    }

    @Test
    void projectsListLinksEachProjectToItsProcoreReport() {
        long company = fixtures.company(unique("Projects Co"));
        long withToken = fixtures.project(company, "Reported");
        long withoutToken = fixtures.project(company, "Unreported");
        tokens.ensureProjectToken(withToken, company);

        HttpResponse<String> page = get("/admin/projects?company_id=" + company);

        assertThat(page.statusCode()).isEqualTo(200);
        assertSecretSafeHeaders(page);
        assertThat(row(page.body(), "project-row-" + withToken)).contains("Reported", "ppt_pr_", "View",
                "href=\"/admin/projects/" + withToken + "/procore_report\"");
        assertThat(row(page.body(), "project-row-" + withoutToken)).contains(">none<",
                "href=\"/admin/projects/" + withoutToken + "/procore_report\"");
        assertThat(page.body()).doesNotContainPattern("ppt_pr_[A-Za-z0-9_-]{43}");
    }

    @Test
    void viewProcoreReportShowsTheProjectsTokenAndIframeUrl() {
        long company = fixtures.company(unique("Report Co"));
        long project = fixtures.project(company, "Reported tower");
        tokens.ensureProjectToken(project, company);
        String token = tokens.projectReport(project).token();

        HttpResponse<String> page = get("/admin/projects/" + project + "/procore_report");

        assertThat(page.statusCode()).isEqualTo(200);
        assertSecretSafeHeaders(page);
        assertThat(match(PROJECT_TOKEN, page.body())).isEqualTo(token);
        assertThat(page.body()).contains("Reported tower",
                "href=\"http://localhost:8080/integrations/procore/iframe?api_token=" + token + "\"");
        long tokenless = fixtures.project(company, "Tokenless tower");
        assertThat(get("/admin/projects/" + tokenless + "/procore_report").body()).contains("has no active API token");
    }

    @Test
    void unknownIdsAreReadableNotFoundPages() {
        List<HttpResponse<String>> pages = new ArrayList<>(List.of(
                get("/admin/project_groups/987654321/procore"),
                get("/admin/projects/987654321/procore_report"),
                get("/admin/project_groups?company_id=987654321"),
                get("/admin/no_such_page")));

        assertThat(pages).allSatisfy(page -> {
            assertThat(page.statusCode()).isEqualTo(404);
            assertReadableErrorPage(page);
        });
        assertThat(pages.get(0).body()).contains("Project group 987654321 does not exist.");
        assertThat(pages.get(1).body()).contains("Project 987654321 does not exist.");
    }

    @Test
    void malformedIdsAndParametersAreReadableBadRequestPagesThatEchoNothing() {
        String pasted = "ppt_pg_" + "A".repeat(43);
        List<HttpResponse<String>> pages = List.of(
                get("/admin/project_groups/" + pasted + "/procore"),
                get("/admin/projects/abc/procore_report"),
                get("/admin/project_groups?company_id=" + pasted),
                get("/admin/project_groups?page=0"),
                get("/admin/projects?sort=" + pasted));

        assertThat(pages).allSatisfy(page -> {
            assertThat(page.statusCode()).isEqualTo(400);
            assertReadableErrorPage(page);
            assertThat(page.body()).doesNotContain(pasted);
        });
        assertThat(pages.get(0).body()).contains("The id in the address must be a whole number.");
    }

    @Test
    void theStyleSheetIsServedUnderAdmin() {
        HttpResponse<String> css = get("/admin/assets/admin.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
        assertThat(css.body()).contains(".visually-hidden");
    }

    private void assertSecretSafeHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("frame-ancestors 'none'"));
    }

    private void assertReadableErrorPage(HttpResponse<String> response) {
        assertSecretSafeHeaders(response);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<h1>", "Project Groups").doesNotContain("Whitelabel", "Exception",
                "\tat ", "ppt_");
    }

    private HttpResponse<String> get(String path) {
        return Http.getAsAdmin(url(path));
    }

    private HttpResponse<String> batch(String form) {
        return Http.post(url("/admin/project_groups/batch_action"), "application/x-www-form-urlencoded", form,
                Http.admin());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String notice(String page) {
        return match(Pattern.compile("<div id=\"notice\"[^>]*>([^<]*)</div>"), page);
    }

    /** The {@code <tr>} with this id. */
    private static String row(String page, String id) {
        int start = page.indexOf("<tr id=\"" + id + "\"");
        assertThat(start).as("row %s on the page", id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}

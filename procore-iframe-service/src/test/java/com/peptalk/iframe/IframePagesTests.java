package com.peptalk.iframe;

import com.peptalk.testsupport.FakeTokenService;
import com.peptalk.testsupport.Http;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's flows (§2–§4) through the pages, as Procore's iframe loads them. */
class IframePagesTests extends IframeServiceTest {

    @Test
    void aProjectTokenOpensThatProjectsDashboard() {
        long project = project("Riverside Tower", "America/Chicago");
        String token = FakeTokenService.projectToken(project);

        HttpResponse<String> response = iframe(query(token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        Document page = html(response);
        assertThat(page.select("h1").text()).isEqualTo("Riverside Tower");
        assertThat(page.select("#time-zone").text()).isEqualTo("America/Chicago");
        assertThat(page.select("#switch-project")).as("a project token has no project list").isEmpty();
        assertThat(page.select("#messages-all, #messages-email, #messages-sms")).hasSize(3);
        everyLinkKeeps(page, token, null);
        assertThat(params(page.selectFirst("a#refresh").absUrl("href")).getQueryParams().keySet())
                .as("no project_id where the address had none").containsExactly("api_token");
    }

    @Test
    void aProjectTokenMayNameItsOwnProjectButNoOther() {
        long project = project("Depot", "Europe/London");
        long other = project("Someone else's", "UTC");
        String token = FakeTokenService.projectToken(project);

        HttpResponse<String> own = iframe(query(token, project));
        HttpResponse<String> another = iframe(query(token, other));

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(html(own).select("h1").text()).isEqualTo("Depot");
        everyLinkKeeps(html(own), token, project);
        assertThat(another.statusCode()).isEqualTo(403);
        assertThat(another.body()).doesNotContain(token, "Someone else");
    }

    @Test
    void aGroupTokenListsTheGroupsProjectsThenOpensOneAndSwitchesBack() {
        long north = project("North Yard", "America/Denver");
        long south = project("South Yard", "America/Denver");
        long unheardOf = newProjectId();
        String token = FakeTokenService.groupToken(3, south, north, unheardOf);

        // entry: the project list, no project selected
        HttpResponse<String> list = iframe(query(token));
        assertThat(list.statusCode()).isEqualTo(200);
        Document listPage = html(list);
        assertThat(listPage.select("h1").text()).isEqualTo("Projects");
        List<Element> views = listPage.select("a.view-dashboard");
        assertThat(views).extracting(link -> link.parent().selectFirst(".project-name").text())
                .containsExactly("North Yard", "South Yard");
        assertThat(views).extracting(link -> params(link.absUrl("href")).getQueryParams().getFirst("project_id"))
                .containsExactly(Long.toString(north), Long.toString(south));
        assertThat(listPage.select("#project-" + unheardOf).text()).contains("not available yet");
        assertThat(listPage.select("#project-" + unheardOf + " a")).isEmpty();
        everyLinkKeeps(listPage, token, null);

        // View dashboard
        HttpResponse<String> dashboard = Http.get(views.get(1).absUrl("href"));
        assertThat(dashboard.statusCode()).isEqualTo(200);
        Document dashboardPage = html(dashboard);
        assertThat(dashboardPage.select("h1").text()).isEqualTo("South Yard");
        assertThat(dashboardPage.select("#time-zone").text()).isEqualTo("America/Denver");
        Element switchProject = dashboardPage.selectFirst("a#switch-project");
        assertThat(switchProject).isNotNull();
        assertThat(switchProject.text()).isEqualTo("Switch project");
        for (Element link : dashboardPage.select("a[href]")) {
            if (link != switchProject) {
                assertThat(params(link.absUrl("href")).getQueryParams().getFirst("project_id"))
                        .as("project_id of %s", link).isEqualTo(Long.toString(south));
            }
        }
        everyLinkKeeps(dashboardPage, token, null);
        // the "Switch project" drop-down: a GET form that keeps the token and offers the group's known projects
        Element picker = dashboardPage.selectFirst("form#project-picker");
        assertThat(picker.attr("method")).isEqualTo("get");
        assertThat(picker.select("input[type=hidden][name=api_token]").val()).isEqualTo(token);
        assertThat(picker.select("select[name=project_id] option")).extracting(Element::val)
                .containsExactly(Long.toString(north), Long.toString(south));
        assertThat(picker.select("option[selected]").val()).isEqualTo(Long.toString(south));

        // Switch project: the list again, same token, no project_id
        UriComponents back = params(switchProject.absUrl("href"));
        assertThat(back.getPath()).isEqualTo(IFRAME);
        assertThat(back.getQueryParams().keySet()).containsExactly("api_token");
        HttpResponse<String> again = Http.get(switchProject.absUrl("href"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(html(again).select("a.view-dashboard")).hasSize(2);
    }

    @Test
    void errorsAreReadablePagesWithTheRightStatusAndNeverShowTheToken() {
        long member = project("Member", "UTC");
        long outsider = project("Outsider", "UTC");
        long unknownToReadModel = newProjectId();
        String group = FakeTokenService.groupToken(4, member, unknownToReadModel);
        String unknown = FakeTokenService.unknownToken();
        String unanswerable = FakeTokenService.unanswerableToken();
        String company = FakeTokenService.companyToken(7, member);

        assertErrorPage(iframe(""), 401, group);
        assertErrorPage(iframe("api_token="), 401, group);
        assertThat(iframe("").headers().firstValue("WWW-Authenticate")).isPresent();
        assertErrorPage(iframe(query(unknown)), 401, unknown);
        assertErrorPage(iframe(query(unknown, member)), 401, unknown);
        assertErrorPage(iframe(query(group, outsider)), 403, group);
        assertThat(iframe(query(group, outsider)).body()).doesNotContain("Outsider");
        assertErrorPage(iframe(query(company)), 403, company);
        for (String malformed : List.of("abc", "-1", "0", "1.5", "042", "", "1 OR 1=1", "99999999999999999999")) {
            assertErrorPage(iframe(query(group, malformed)), 400, group);
        }
        assertErrorPage(iframe(query(group) + "&project_id=1&project_id=2"), 400, group);
        assertErrorPage(iframe(query(group, unknownToReadModel)), 404, group);
        HttpResponse<String> unavailable = iframe(query(unanswerable));
        assertErrorPage(unavailable, 503, unanswerable);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("30");
    }

    @Test
    void everyIframeResponseMayBeFramedByProcoreOnlyAndKeepsNoCopyOfTheAddress() {
        long project = project("Headers", "UTC");
        String group = FakeTokenService.groupToken(5, project);

        List<HttpResponse<String>> responses = List.of(iframe(query(group)), iframe(query(group, project)),
                iframe(query(FakeTokenService.unknownToken())), iframe(query(group, "x")),
                iframe(query(FakeTokenService.unanswerableToken())),
                Http.get(url("/integrations/procore/assets/iframe.css")),
                Http.get(url("/integrations/procore/no-such-page?api_token=" + group)));

        for (HttpResponse<String> response : responses) {
            var headers = response.headers();
            String what = response.uri().getPath() + " " + response.statusCode();
            assertThat(headers.firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(policy -> assertThat(
                    policy).contains("frame-ancestors https://*.procore.com", "default-src 'none'", "style-src 'self'")
                    .doesNotContain("script-src"));
            assertThat(headers.firstValue("X-Frame-Options")).as(what).isEmpty();
            assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            assertThat(headers.firstValue("Cache-Control")).as(what).hasValue("no-store");
            assertThat(headers.allValues("Set-Cookie")).as(what).isEmpty();
        }
        HttpResponse<String> noSuchPage = responses.getLast();
        assertThat(noSuchPage.statusCode()).isEqualTo(404);
        assertThat(noSuchPage.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(noSuchPage.body()).doesNotContain(group);
        assertThat(responses.get(5).headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/css"));
    }

    /** Every link and form of a page carries the token, and the project id where one is expected. */
    private static void everyLinkKeeps(Document page, String token, Long projectId) {
        List<Element> links = page.select("a[href]").stream()
                .filter(link -> !link.attr("href").startsWith("#")).toList();
        assertThat(links).isNotEmpty();
        for (Element link : links) {
            UriComponents target = params(link.absUrl("href"));
            assertThat(target.getPath()).as("link %s", link).isEqualTo(IFRAME);
            assertThat(target.getQueryParams().getFirst("api_token")).as("token of link %s", link).isEqualTo(token);
            if (projectId != null) {
                assertThat(target.getQueryParams().getFirst("project_id")).as("project of link %s", link)
                        .isEqualTo(Long.toString(projectId));
            }
        }
        for (Element form : page.select("form")) {
            assertThat(form.select("input[name=api_token]").val()).as("token of form %s", form.id()).isEqualTo(token);
        }
    }

    private static void assertErrorPage(HttpResponse<String> response, int status, String token) {
        String what = response.uri().getRawQuery();
        assertThat(response.statusCode()).as("status of ?%s", what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        Document page = html(response);
        assertThat(page.select("h1").text()).as(what).isNotBlank();
        assertThat(page.select("#error-message").text()).as(what).isNotBlank();
        assertThat(page.select("a[href]")).as("links of the error page of ?%s", what).isEmpty();
        assertThat(response.body()).as(what).doesNotContain(token, "Exception", "at com.", "at org.");
    }

    private static UriComponents params(String url) {
        return UriComponentsBuilder.fromUriString(url).build(true);
    }
}

package com.peptalk.automation.templates;

import com.peptalk.automation.AutomationApi;
import com.peptalk.automation.Directory;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class TemplateApiTests {

    @LocalServerPort
    int port;

    AutomationApi api;
    long company;

    @BeforeEach
    void setUp() {
        api = new AutomationApi(port);
        company = Directory.nextId();
    }

    Map<String, Object> template(String name, String kind, String channel) {
        Map<String, Object> body = new HashMap<>();
        body.put("companyId", company);
        body.put("name", name);
        body.put("kind", kind);
        if (channel != null) {
            body.put("channel", channel);
        }
        return body;
    }

    long layoutAndButton() {
        Map<String, Object> layout = template("frame", "LAYOUT", null);
        layout.put("bodyHtml", "<html><body><h1>{{ project.name }}</h1>{% block content %}{% endblock %}"
                + "{% include \"footer\" %}</body></html>");
        AutomationApi.Response created = api.post("/templates", layout);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long layoutId = created.body().path("templateId").asLong();
        Map<String, Object> footer = template("footer", "COMPONENT", null);
        footer.put("bodyHtml", "<footer>Sent by Peptalk</footer>");
        assertThat(api.post("/templates", footer).status()).isEqualTo(201);
        return layoutId;
    }

    Map<String, Object> observationEmail() {
        Map<String, Object> email = template("observation-created", "MESSAGE", "EMAIL");
        email.put("subject", "New observation on {{ project.name }}");
        email.put("bodyHtml", "{% extends \"frame\" %}{% block content %}<p>Hi {{ recipient.first_name }},</p>"
                + "<p>{{ event.title }}</p>{% endblock %}");
        email.put("variables", List.of(Map.of("name", "event.title", "sample", "Guardrail <missing> & loose")));
        return email;
    }

    @Test
    void compilesAMessageWithItsLayoutComponentsAndVariablesAndPreviewsItEscaped() {
        layoutAndButton();
        AutomationApi.Response created = api.post("/templates", observationEmail());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().path("version").asInt()).isEqualTo(1);
        assertThat(created.body().path("dependencies").path("frame").asInt()).isEqualTo(1);
        assertThat(created.body().path("dependencies").path("footer").asInt()).isEqualTo(1);

        AutomationApi.Response preview = api.get("/templates/" + created.body().path("templateId").asLong()
                + "/versions/1/preview");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().path("subject").asString()).isEqualTo("New observation on Harbor Tower");
        assertThat(preview.body().path("html").asString())
                .contains("<h1>Harbor Tower</h1>", "<p>Hi Sam,</p>", "Guardrail &lt;missing&gt; &amp; loose",
                        "<footer>Sent by Peptalk</footer>");
        assertThat(preview.body().path("text").asString()).contains("Guardrail <missing> & loose")
                .doesNotContain("<p>");
    }

    @Test
    void aSavedVersionKeepsTheLayoutVersionItWasCompiledAgainst() {
        long layoutId = layoutAndButton();
        long messageId = api.post("/templates", observationEmail()).body().path("templateId").asLong();

        AutomationApi.Response v2 = api.post("/templates/" + layoutId + "/versions",
                Map.of("bodyHtml", "<main>{% block content %}{% endblock %}</main>"));
        assertThat(v2.status()).as(v2.text()).isEqualTo(201);
        assertThat(v2.body().path("version").asInt()).isEqualTo(2);

        assertThat(api.get("/templates/" + messageId + "/versions/1/preview").body().path("html").asString())
                .contains("<h1>Harbor Tower</h1>").doesNotContain("<main>");
        AutomationApi.Response again = api.post("/templates/" + messageId + "/versions", Map.of(
                "subject", "Observation", "bodyHtml", observationEmail().get("bodyHtml"),
                "variables", List.of(Map.of("name", "event.title"))));
        assertThat(again.body().path("dependencies").path("frame").asInt()).isEqualTo(2);
        assertThat(api.get("/templates/" + messageId + "/versions/2/preview").body().path("html").asString())
                .startsWith("<main>");
    }

    @Test
    void refusesASyntaxErrorWithItsLineAndColumnAndSavesNothing() {
        Map<String, Object> email = template("broken", "MESSAGE", "EMAIL");
        email.put("subject", "Hello");
        email.put("bodyHtml", "<p>Hello</p>\n<p>{% if recipient.name %}Hi{% endfi %}</p>");
        AutomationApi.Response refused = api.post("/templates", email);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("bodyHtml");
        assertThat(message(refused)).matches("line 2, column \\d+: .+");
        assertThat(api.get("/templates?companyId=" + company).body().size()).isZero();
    }

    @Test
    void refusesAnUndeclaredVariableAndAnUnknownComponentNamingThePart() {
        Map<String, Object> email = template("undeclared", "MESSAGE", "EMAIL");
        email.put("subject", "{{ event.crane_id }} is down");
        email.put("bodyHtml", "<p>{% include \"no-such-component\" %}</p>");
        AutomationApi.Response refused = api.post("/templates", email);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("subject", "bodyHtml");
        assertThat(refused.text()).contains("crane_id").contains("no-such-component").contains("line 1, column");
    }

    @Test
    void previewsAnSmsWithItsEncodingLengthAndSegments() {
        Map<String, Object> sms = template("kiosk-down", "MESSAGE", "SMS");
        sms.put("bodySms", "Kiosk {{ event.kiosk_id }} at {{ project.name }} is offline ✅");
        sms.put("variables", List.of(Map.of("name", "event.kiosk_id", "sample", "K-12")));
        long templateId = api.post("/templates", sms).body().path("templateId").asLong();
        AutomationApi.Response preview = api.get("/templates/" + templateId + "/versions/1/preview");
        assertThat(preview.body().path("smsText").asString()).isEqualTo("Kiosk K-12 at Harbor Tower is offline ✅");
        assertThat(preview.body().path("sms").path("encoding").asString()).isEqualTo("UCS-2");
        assertThat(preview.body().path("sms").path("segments").asInt()).isEqualTo(1);
    }

    @Test
    void refusesPartsThatDoNotBelongToTheChannelAndBadVariableNames() {
        Map<String, Object> sms = template("mixed", "MESSAGE", "SMS");
        sms.put("bodySms", "Hi");
        sms.put("subject", "Subject");
        sms.put("variables", List.of(Map.of("name", "system.env")));
        AutomationApi.Response refused = api.post("/templates", sms);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).contains("subject");
        AutomationApi.Response badVariable = api.post("/templates", Map.of("companyId", company, "name", "vars",
                "kind", "MESSAGE", "channel", "SMS", "bodySms", "Hi", "variables", List.of(Map.of("name", "system.env"))));
        assertThat(badVariable.errorFields()).containsExactly("variables[0].name");
    }

    @Test
    void refusesATemplateWhoseOutputExceedsTheRenderedSizeLimit() {
        Map<String, Object> sms = template("endless", "MESSAGE", "SMS");
        sms.put("bodySms", "{% for i in range(1, 200000) %}{{ project.name }} {% endfor %}");
        AutomationApi.Response refused = api.post("/templates", sms);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("bodySms");
    }

    private static String message(AutomationApi.Response refused) {
        return refused.body().path("errors").get(0).path("message").asString();
    }
}

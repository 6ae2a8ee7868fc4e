package com.peptalk.automation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company of its own for one test, built through the real API and the directory's events: projects, contacts,
 * templates and workflows, with the shortcuts tests need.
 */
public final class Company {

    public final long id = Directory.nextId();
    private final AutomationApi api;
    private final Directory directory;

    public Company(AutomationApi api, Directory directory) {
        this.api = api;
        this.directory = directory;
    }

    public long project(String name, String timeZone) {
        return directory.project(id, name, timeZone);
    }

    public long group(String name, List<Long> projectIds) {
        return directory.group(id, name, projectIds);
    }

    /** A contact in the projects with these roles; {@code email} or {@code phone} may be null. */
    public long contact(String name, String email, String phone, List<Long> projectIds, String... roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("companyId", id);
        body.put("name", name);
        body.put("email", email);
        body.put("phone", phone);
        body.put("roles", List.of(roles));
        body.put("projectIds", projectIds);
        body.put("smsOptIn", phone != null);
        return AutomationApi.created(api.post("/contacts", body));
    }

    /** An SMS message template (version 1); answers its template id. */
    public long smsTemplate(String name, String text, String... eventFields) {
        Map<String, Object> body = new HashMap<>(Map.of("companyId", id, "name", name, "kind", "MESSAGE",
                "channel", "SMS", "bodySms", text));
        body.put("variables", List.of(eventFields).stream().map(field -> Map.of("name", field)).toList());
        return template(body);
    }

    /** An email message template (version 1); answers its template id. */
    public long emailTemplate(String name, String subject, String html, String... eventFields) {
        Map<String, Object> body = new HashMap<>(Map.of("companyId", id, "name", name, "kind", "MESSAGE",
                "channel", "EMAIL", "subject", subject, "bodyHtml", html));
        body.put("variables", List.of(eventFields).stream().map(field -> Map.of("name", field)).toList());
        return template(body);
    }

    private long template(Map<String, Object> body) {
        AutomationApi.Response created = api.post("/templates", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().path("templateId").asLong();
    }

    /** A workflow body with the required parts; callers add trigger or cadence and the optional parts. */
    public Map<String, Object> workflow(String name, String channel, long templateId, Map<String, Object> audience) {
        Map<String, Object> body = new HashMap<>();
        body.put("companyId", id);
        body.put("name", name);
        body.put("channel", channel);
        body.put("template", Map.of("templateId", templateId, "version", 1));
        body.put("audience", audience);
        return body;
    }

    public static Map<String, Object> eventProject(String... roles) {
        return Map.of("kind", "EVENT_PROJECT", "roles", List.of(roles));
    }

    /** Creates the workflow; answers its id. */
    public String create(Map<String, Object> workflow) {
        AutomationApi.Response created = api.post("/workflows", workflow);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().path("id").asString();
    }
}

package com.peptalk.iframe;

import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.FakeTokenService;
import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;

/**
 * What every test class of this service extends, so that all share one Spring context (one database, one set of
 * consumers): the whole service on a random port, real PostgreSQL and Kafka, and token-service faked by
 * {@link FakeTokenService}.
 */
@ServiceTest
abstract class IframeServiceTest {

    static final String IFRAME = "/integrations/procore/iframe";

    @DynamicPropertySource
    static void tokenService(DynamicPropertyRegistry registry) {
        registry.add("peptalk.token-client.url", FakeTokenService::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @Autowired
    JdbcTemplate jdbc;

    /** A project id no other test uses. */
    static long newProjectId() {
        return ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L);
    }

    /** Publishes a project the way token-service does and waits until the read model has it. */
    long project(String name, String timeZone) {
        long id = newProjectId();
        publisher.publish(new ProjectUpserted(id, 7, name, "active", timeZone, null, null)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from projects where project_id = ?", Integer.class, id) == 1);
        return id;
    }

    String url(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    /** {@code GET /integrations/procore/iframe} with the given query string (already encoded). */
    HttpResponse<String> iframe(String query) {
        return Http.get(url(IFRAME + (query.isEmpty() ? "" : "?" + query)));
    }

    static String query(String token) {
        return "api_token=" + encode(token);
    }

    static String query(String token, Object projectId) {
        return query(token) + "&project_id=" + encode(String.valueOf(projectId));
    }

    static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

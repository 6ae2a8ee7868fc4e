package com.peptalk.tracking;

import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider secrets (Procore's Authorization, Twilio's auth token) never reach a log line, an answer or the webhook
 * log, even when bad requests carry them and the web stack logs at DEBUG.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedTests {

    private static final List<String> CHATTY = List.of("org.springframework.web", "org.springframework.http",
            "org.apache.coyote", "org.apache.catalina", "org.apache.tomcat", "com.peptalk");

    @LocalServerPort
    int port;

    @Autowired
    LoggingSystem logging;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void quiet() {
        CHATTY.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void secretsInBadRequestsStayOutOfLogsAnswersAndTheWebhookLog(CapturedOutput output) {
        CHATTY.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
        String procoreSecret = ProcoreWebhookTests.AUTHORIZATION;
        String marker = UUID.randomUUID().toString();
        List<String> answers = List.of(
                // the right Authorization with a malformed body, a broken one, and the secret smuggled into the body
                Http.post(url("/webhooks/procore"), "application/json", "{\"ulid\":", Map.of("Authorization", procoreSecret)).body(),
                Http.post(url("/webhooks/procore"), "application/json", "{\"ulid\":\"" + marker + "\"}", Map.of("Authorization", procoreSecret + "x")).body(),
                // Twilio's token where a signature belongs, and in a field
                Http.post(url("/webhooks/twilio/status?message_id=" + marker), "application/x-www-form-urlencoded",
                        "MessageSid=SM1&MessageStatus=delivered&AuthToken=" + Providers.TWILIO_TOKEN,
                        Map.of("X-Twilio-Signature", Providers.TWILIO_TOKEN)).body());

        assertThat(output.getAll()).as("debug logging was on").contains("DEBUG")
                .doesNotContain("test-procore-secret", Providers.TWILIO_TOKEN);
        assertThat(answers).noneMatch(answer -> answer.contains("test-procore-secret") || answer.contains(Providers.TWILIO_TOKEN));
        assertThat(jdbc.queryForList("select headers::text || coalesce(response_body, '') from webhook_log", String.class))
                .noneMatch(row -> row.contains("test-procore-secret"));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}

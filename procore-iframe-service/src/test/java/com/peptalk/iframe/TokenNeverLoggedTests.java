package com.peptalk.iframe;

import com.peptalk.testsupport.FakeTokenService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The token is in the address, so nothing that logs requests may print the address. */
@ExtendWith(OutputCaptureExtension.class)
class TokenNeverLoggedTests extends IframeServiceTest {

    /** Where request lines, query strings and client request bodies would be logged at DEBUG. */
    private static final List<String> CHATTY = List.of("org.springframework.web", "org.springframework.http",
            "org.apache.coyote", "org.apache.catalina", "org.apache.tomcat");

    @Autowired
    LoggingSystem logging;

    @Autowired
    Environment environment;

    @AfterEach
    void quiet() {
        CHATTY.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void theTokenStaysOutOfTheLogsEvenWithDebugLoggingForTheWebStack(CapturedOutput output) {
        long project = project("Quiet", "UTC");
        String token = FakeTokenService.projectToken(project);
        String unanswerable = FakeTokenService.unanswerableToken();
        CHATTY.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));

        assertThat(iframe(query(token)).statusCode()).isEqualTo(200);
        assertThat(iframe(query(token, "nope")).statusCode()).isEqualTo(400);
        assertThat(iframe(query(unanswerable)).statusCode()).isEqualTo(503);

        assertThat(output.getAll()).as("debug logging was on").contains("DEBUG")
                .doesNotContain(token, unanswerable, "api_token=");
        assertThat(environment.getProperty("server.tomcat.accesslog.enabled", Boolean.class)).isFalse();
    }
}
